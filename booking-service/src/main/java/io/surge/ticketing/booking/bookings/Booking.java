package io.surge.ticketing.booking.bookings;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.surge.ticketing.bookingstore.outbox.BookingSnapshot;

/**
 * A booking row as stored (never returned to clients as is: see {@link BookingView}); the outbox announces its
 * changes from it ({@link BookingSnapshot}).
 *
 * @param ticketPrices the price each seat was quoted at, in {@code ticketIds}' order (empty: not recorded, for
 *                     bookings decided before prices were kept per seat, and for rejections)
 * @param refund       the refund recorded for a REFUNDED booking, else null
 */
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
        String paymentId,
        List<Long> ticketPrices,
        Refund refund) implements BookingSnapshot {

    public Booking {
        ticketPrices = ticketPrices == null ? List.of() : List.copyOf(ticketPrices);
    }

    /** A booking without recorded seat prices or refund. */
    public Booking(UUID bookingId, long eventId, String userId, BookingStatus status, List<Long> ticketIds,
            List<Long> unavailableTicketIds, long totalCents, Instant expiresAt, String reason, String paymentId) {
        this(bookingId, eventId, userId, status, ticketIds, unavailableTicketIds, totalCents, expiresAt, reason,
                paymentId, List.of(), null);
    }

    @Override
    public String statusName() {
        return status.name();
    }

    /** The price the seat {@code ticketId} of this booking was quoted at, if recorded. */
    public Long priceOf(long ticketId) {
        int at = ticketIds.indexOf(ticketId);
        return at >= 0 && at < ticketPrices.size() ? ticketPrices.get(at) : null;
    }

    /** A refund as payment-service recorded it: its id at payment and the amount given back. */
    public record Refund(String refundId, long amountCents, Instant refundedAt) {
    }
}
