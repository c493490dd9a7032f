package io.surge.ticketing.payment.booking;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** booking-service's internal view of a booking ({@code GET /internal/bookings/{id}}), snake_case on the wire. */
public record BookingView(
        UUID bookingId,
        long eventId,
        String userId,
        String status,
        List<Long> ticketIds,
        long totalCents,
        Instant expiresAt,
        String paymentId) {

    public boolean holdLiveAt(Instant now) {
        return "RESERVED".equals(status) && expiresAt != null && expiresAt.isAfter(now);
    }
}
