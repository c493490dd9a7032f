package io.surge.ticketing.waitingroom.settings;

import java.time.Instant;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * {@code PUT /api/v1/admin/events/{id}/waiting-room}. Omitted fields keep their current value. Bounds are the sane
 * range of a real on-sale, so a typo (a rate of 0, a one-second session) cannot stall or flood a sale.
 */
@Schema(description = "The waiting-room settings to change; omitted members keep their value")
record SettingsRequest(
        @Schema(description = "when fans may start to join the pre-queue; not after the event's on_sale_at "
                + "(default: 30 minutes before it)", example = "2027-01-10T08:30:00Z")
        Instant prequeueOpensAt,
        @Schema(description = "fans admitted per minute once the sale starts (default 600)", example = "1200",
                minimum = "1", maximum = "1000000")
        @Min(1) @Max(1_000_000) Integer admissionRatePerMinute,
        @Schema(description = "how long an admitted fan's admission token stays valid, in seconds (default 900)",
                example = "900", minimum = "60", maximum = "86400")
        @Min(60) @Max(86_400) Integer admittedSessionSeconds,
        @Schema(description = "how long a reservation holds its seats before they go back on sale, in seconds "
                + "(default 600)", example = "600", minimum = "30", maximum = "3600")
        @Min(30) @Max(3_600) Integer holdSeconds,
        @Schema(description = "the most tickets one fan may hold or buy for the event (default 8)", example = "4",
                minimum = "1", maximum = "100")
        @Min(1) @Max(100) Integer maxTicketsPerUser) {
}
