package io.surge.ticketing.booking.bookings;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.surge.ticketing.booking.inventory.EventFacts;

/**
 * A booking as payment-service reads it ({@code GET /internal/bookings/{id}}, and the answers of confirm and refund):
 * whoever owns it, with what a refund needs to know of its event. Fields are only ever added (payment-service's
 * reader ignores what it does not know).
 *
 * @param refundDeadline fans may refund until then (null: no deadline known)
 * @param eventCancelled the event is cancelled (nothing may be paid; paid bookings are refunded)
 * @param refundId       the recorded refund of a REFUNDED booking
 */
public record InternalBookingView(UUID bookingId, long eventId, String userId, BookingStatus status,
        List<Long> ticketIds, long totalCents, Instant expiresAt, String paymentId, Instant refundDeadline,
        boolean eventCancelled, String refundId, Long refundedCents, Instant refundedAt) {

    /** @param event the booking's event, when known */
    public static InternalBookingView of(Booking b, EventFacts event) {
        Booking.Refund refund = b.refund();
        return new InternalBookingView(b.bookingId(), b.eventId(), b.userId(), b.status(), b.ticketIds(),
                b.totalCents(), b.expiresAt(), b.paymentId(), event == null ? null : event.refundDeadline(),
                event != null && event.cancelled(), refund == null ? null : refund.refundId(),
                refund == null ? null : refund.amountCents(), refund == null ? null : refund.refundedAt());
    }
}
