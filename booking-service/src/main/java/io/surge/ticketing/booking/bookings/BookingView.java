package io.surge.ticketing.booking.bookings;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A booking as a client sees it ({@code GET /api/v1/bookings/{id}}, the reserve answers and the caller's list).
 *
 * @param refundId the refund that gave a REFUNDED booking's payment back
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BookingView(
        UUID bookingId,
        BookingStatus status,
        Long eventId,
        List<Long> ticketIds,
        Instant expiresAt,
        Long totalCents,
        String paymentId,
        String reason,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Long> unavailableTicketIds,
        String refundId) {

    public static BookingView of(Booking booking) {
        return new BookingView(booking.bookingId(), booking.status(), booking.eventId(), booking.ticketIds(),
                booking.expiresAt(), booking.totalCents(), booking.paymentId(), booking.reason(),
                booking.unavailableTicketIds(), booking.refund() == null ? null : booking.refund().refundId());
    }

    public static BookingView pending(UUID bookingId, long eventId) {
        return new BookingView(bookingId, BookingStatus.PENDING, eventId, null, null, null, null, null, null, null);
    }
}
