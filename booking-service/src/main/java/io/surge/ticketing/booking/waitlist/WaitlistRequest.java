package io.surge.ticketing.booking.waitlist;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

/** {@code POST /api/v1/events/{id}/waitlist}. */
@Schema(description = "How many seats the fan waits for, and where")
record WaitlistRequest(
        @Schema(description = "seats wanted together, at most the event's per-fan ticket limit", example = "2",
                minimum = "1", maximum = "100", requiredMode = Schema.RequiredMode.REQUIRED)
        @NotNull @Min(1) @Max(100) Integer quantity,
        @Schema(description = "the section waited for; omitted: any section (all seats of an offer from one section)",
                example = "1")
        @Positive Long sectionId) {
}
