package io.surge.ticketing.catalog.venue;

import io.swagger.v3.oas.annotations.media.Schema;

@Schema(description = "The venue created")
record VenueCreated(
        @Schema(description = "the new venue's id", example = "7", requiredMode = Schema.RequiredMode.REQUIRED)
        long venueId) {
}
