package io.surge.ticketing.catalog.event;

import io.swagger.v3.oas.annotations.media.Schema;

@Schema(description = "The event once published")
record EventPublished(
        @Schema(description = "the event's id", example = "42", requiredMode = Schema.RequiredMode.REQUIRED)
        long eventId,
        @Schema(description = "the lifecycle status now: SCHEDULED, ON_SALE, SOLD_OUT or CLOSED",
                requiredMode = Schema.RequiredMode.REQUIRED)
        EventStatus status) {
}
