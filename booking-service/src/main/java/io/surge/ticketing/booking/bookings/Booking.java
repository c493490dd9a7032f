package io.surge.ticketing.booking.bookings;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A booking row as stored (never returned to clients as is: see {@link BookingView}). */
public record Booking(
        UUID bookingId,
        long eventId,
        String userId,
        BookingStatus status,
        List<Long> ticketIds,
        List<Long> unavailableTicketIds,
        long totalCents,
        Instant expiresAt,
        String reason,
        String paymentId) {
}
