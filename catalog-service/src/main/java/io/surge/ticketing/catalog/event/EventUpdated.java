package io.surge.ticketing.catalog.event;

import io.swagger.v3.oas.annotations.media.Schema;

@Schema(description = "The event after the change")
record EventUpdated(
        @Schema(description = "the event's id", example = "42", requiredMode = Schema.RequiredMode.REQUIRED)
        long eventId,
        @Schema(description = "the event's version after the change", example = "4",
                requiredMode = Schema.RequiredMode.REQUIRED)
        long version,
        @Schema(description = "the lifecycle status at this moment", requiredMode = Schema.RequiredMode.REQUIRED)
        EventStatus status) {
}
