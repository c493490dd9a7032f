package io.surge.ticketing.payment.checkout;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

/** One try to pay a booking; its id is both our payment id and the idempotency key we give the provider. */
record PaymentAttempt(
        UUID attemptId,
        UUID bookingId,
        String userId,
        long eventId,
        long amountCents,
        String paymentToken,
        Instant holdExpiresAt,
        State state,
        String providerChargeId) {

    enum State {
        REQUESTED, CHARGING, CHARGED, CONFIRMED, DECLINED, REFUNDED, FAILED
    }

    String paymentId() {
        return attemptId.toString();
    }

    String providerKey() {
        return attemptId.toString();
    }

    /** The provider key of the refund of this attempt's charge when its hold was gone by the time it was charged. */
    String voidKey() {
        return "void-" + attemptId;
    }

    boolean holdExpiredAt(Instant now) {
        return holdExpiresAt != null && !holdExpiresAt.isAfter(now);
    }

    static PaymentAttempt map(ResultSet rs, int row) throws SQLException {
        Timestamp expires = rs.getTimestamp("hold_expires_at");
        return new PaymentAttempt(
                rs.getObject("attempt_id", UUID.class),
                rs.getObject("booking_id", UUID.class),
                rs.getString("user_id"),
                rs.getLong("event_id"),
                rs.getLong("amount_cents"),
                rs.getString("payment_token"),
                expires == null ? null : expires.toInstant(),
                State.valueOf(rs.getString("state")),
                rs.getString("provider_charge_id"));
    }
}
