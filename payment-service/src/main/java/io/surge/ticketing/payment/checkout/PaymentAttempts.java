package io.surge.ticketing.payment.checkout;

import java.sql.Timestamp;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The attempt state machine in SQL: every transition is guarded by the state it leaves. */
@Repository
class PaymentAttempts {

    private final JdbcClient jdbc;

    PaymentAttempts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insertRequested(PaymentAttempt attempt, Duration pickUpWithin) {
        jdbc.sql("""
                INSERT INTO payment_attempts (attempt_id, booking_id, user_id, event_id, amount_cents, payment_token,
                                              hold_expires_at, state, lease_until)
                VALUES (:id, :booking, :user, :event, :amount, :token, :expires, 'REQUESTED',
                        now() + make_interval(secs => :lease))
                """)
                .param("id", attempt.attemptId())
                .param("booking", attempt.bookingId())
                .param("user", attempt.userId())
                .param("event", attempt.eventId())
                .param("amount", attempt.amountCents())
                .param("token", attempt.paymentToken())
                .param("expires", attempt.holdExpiresAt() == null ? null : Timestamp.from(attempt.holdExpiresAt()))
                .param("lease", seconds(pickUpWithin))
                .update();
    }

    /** The consumer takes a requested attempt; empty when another worker (or a redelivery) already did. */
    Optional<PaymentAttempt> claimRequestedForCharging(UUID attemptId, Duration lease) {
        return jdbc.sql("""
                UPDATE payment_attempts SET state = 'CHARGING', lease_until = now() + make_interval(secs => :lease),
                       updated_at = now()
                WHERE attempt_id = :id AND state = 'REQUESTED'
                RETURNING *
                """)
                .param("id", attemptId)
                .param("lease", seconds(lease))
                .query(PaymentAttempt::map)
                .optional();
    }

    /**
     * Takes over unsettled attempts whose lease ran out (their worker crashed or a publish was lost), renewing
     * the lease so that several reconciler replicas never take the same attempt.
     */
    List<PaymentAttempt> claimStuckSkipLocked(int limit, Duration lease) {
        return jdbc.sql("""
                UPDATE payment_attempts SET lease_until = now() + make_interval(secs => :lease), updated_at = now()
                WHERE attempt_id IN (
                    SELECT attempt_id FROM payment_attempts
                    WHERE state IN ('REQUESTED', 'CHARGING', 'CHARGED') AND lease_until < now()
                    ORDER BY lease_until
                    LIMIT :limit
                    FOR UPDATE SKIP LOCKED)
                RETURNING *
                """)
                .param("lease", seconds(lease))
                .param("limit", limit)
                .query(PaymentAttempt::map)
                .list();
    }


    boolean markCharged(UUID attemptId, String chargeId) {
        return jdbc.sql("UPDATE payment_attempts SET state = 'CHARGED', provider_charge_id = :charge, updated_at = now() "
                        + "WHERE attempt_id = :id AND state IN ('REQUESTED', 'CHARGING')")
                .param("id", attemptId)
                .param("charge", chargeId)
                .update() == 1;
    }

    /** The final transition; false when the attempt was already settled (by another worker). */
    boolean settle(UUID attemptId, PaymentAttempt.State finalState, String outcomeCode) {
        return jdbc.sql("UPDATE payment_attempts SET state = :state, outcome_code = :code, updated_at = now() "
                        + "WHERE attempt_id = :id AND state IN ('REQUESTED', 'CHARGING', 'CHARGED')")
                .param("id", attemptId)
                .param("state", finalState.name())
                .param("code", outcomeCode)
                .update() == 1;
    }

    /** Settled outcomes of the given attempts (attempt id, outcome code), for answering waiting requests. */
    List<SettledOutcome> settledAmong(Collection<UUID> attemptIds) {
        return jdbc.sql("""
                SELECT attempt_id, booking_id, outcome_code FROM payment_attempts
                WHERE attempt_id = ANY (CAST(:ids AS uuid[]))
                  AND state IN ('CONFIRMED', 'DECLINED', 'REFUNDED', 'FAILED')
                """)
                .param("ids", attemptIds.stream().map(UUID::toString).toArray(String[]::new))
                .query((rs, n) -> new SettledOutcome(rs.getObject("attempt_id", UUID.class),
                        rs.getObject("booking_id", UUID.class), rs.getString("outcome_code")))
                .list();
    }

    record SettledOutcome(UUID attemptId, UUID bookingId, String outcomeCode) {
    }

    private static double seconds(Duration duration) {
        return duration.toMillis() / 1000.0;
    }
}
