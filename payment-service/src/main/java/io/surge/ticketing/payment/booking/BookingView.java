package io.surge.ticketing.payment.booking;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * booking-service's internal view of a booking ({@code GET /internal/bookings/{id}}), snake_case on the wire. Read
 * tolerantly: fields booking-service adds later are ignored, and the after-the-sale fields ({@code refund_deadline},
 * {@code event_cancelled}, {@code refund_id}) may be missing from an older booking-service.
 *
 * @param refundDeadline the event's refund deadline (null: none known)
 * @param eventCancelled whether the booking's event is cancelled (null: not said)
 * @param refundId       the refund recorded for a REFUNDED booking
 * @param refundedCents  how much that refund returned
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record BookingView(
        UUID bookingId,
        long eventId,
        String userId,
        String status,
        List<Long> ticketIds,
        long totalCents,
        Instant expiresAt,
        String paymentId,
        Instant refundDeadline,
        Boolean eventCancelled,
        String refundId,
        Long refundedCents) {

    public static final String RESERVED = "RESERVED";
    public static final String CONFIRMED = "CONFIRMED";
    public static final String REFUNDED = "REFUNDED";

    public boolean holdLiveAt(Instant now) {
        return RESERVED.equals(status) && expiresAt != null && expiresAt.isAfter(now);
    }

    public boolean eventIsCancelled() {
        return Boolean.TRUE.equals(eventCancelled);
    }

    /** Whether a fan may still refund at {@code now}: before the deadline, or at any time once the event is cancelled. */
    public boolean refundWindowOpenAt(Instant now) {
        return eventIsCancelled() || refundDeadline == null || now.isBefore(refundDeadline);
    }

    public boolean ownedBy(String user) {
        return userId != null && userId.equals(user);
    }
}
