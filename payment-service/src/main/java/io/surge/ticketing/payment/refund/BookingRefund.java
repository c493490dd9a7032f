package io.surge.ticketing.payment.refund;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

/**
 * The one refund of a booking (a row of {@code refunds}); its id is the {@code refund_id} fans and booking-service
 * see.
 */
record BookingRefund(
        UUID refundId,
        UUID bookingId,
        long eventId,
        String userId,
        String paymentId,
        String providerChargeId,
        long amountCents,
        String reason,
        String requestedBy,
        State state,
        String providerRefundId,
        String failure) {

    enum State {
        REQUESTED, PROVIDER_REFUNDED, RECORDED, FAILED;

        boolean finished() {
            return this == RECORDED || this == FAILED;
        }
    }

    /** The provider's idempotency key: derived from the booking, so the provider refunds it once whoever asks. */
    String providerKey() {
        return providerKey(bookingId);
    }

    static String providerKey(UUID bookingId) {
        return "refund-" + bookingId;
    }

    BookingRefund providerRefunded(String refundIdAtProvider) {
        return new BookingRefund(refundId, bookingId, eventId, userId, paymentId, providerChargeId, amountCents, reason,
                requestedBy, State.PROVIDER_REFUNDED, refundIdAtProvider, failure);
    }

    static BookingRefund map(ResultSet rs, int row) throws SQLException {
        return new BookingRefund(
                rs.getObject("refund_id", UUID.class),
                rs.getObject("booking_id", UUID.class),
                rs.getLong("event_id"),
                rs.getString("user_id"),
                rs.getString("payment_id"),
                rs.getString("provider_charge_id"),
                rs.getLong("amount_cents"),
                rs.getString("reason"),
                rs.getString("requested_by"),
                State.valueOf(rs.getString("state")),
                rs.getString("provider_refund_id"),
                rs.getString("failure"));
    }
}
