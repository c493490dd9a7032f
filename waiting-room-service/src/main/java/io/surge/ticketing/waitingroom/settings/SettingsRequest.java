package io.surge.ticketing.waitingroom.settings;

import java.time.Instant;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * {@code PUT /api/v1/admin/events/{id}/waiting-room}. Omitted fields keep their current value. Bounds are the sane
 * range of a real on-sale, so a typo (a rate of 0, a one-second session) cannot stall or flood a sale.
 */
record SettingsRequest(
        Instant prequeueOpensAt,
        @Min(1) @Max(1_000_000) Integer admissionRatePerMinute,
        @Min(60) @Max(86_400) Integer admittedSessionSeconds,
        @Min(30) @Max(3_600) Integer holdSeconds,
        @Min(1) @Max(100) Integer maxTicketsPerUser) {
}
