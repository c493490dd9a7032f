package io.surge.ticketing.catalog.event;

import io.swagger.v3.oas.annotations.media.Schema;

@Schema(description = "The event created")
record EventCreated(
        @Schema(description = "the new event's id", example = "42", requiredMode = Schema.RequiredMode.REQUIRED)
        long eventId) {
}
