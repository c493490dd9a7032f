package io.surge.ticketing.payment.refund;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The refund state machine in SQL: one row per booking (booking_id is unique), every transition guarded by the state
 * it leaves, and a lease that says who works on an unfinished refund.
 */
@Repository
class BookingRefunds {

    private final JdbcClient jdbc;

    BookingRefunds(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts the booking's refund leased to the caller; empty when the booking has one already. */
    Optional<BookingRefund> insertLeased(BookingRefund refund, Duration lease) {
        return jdbc.sql("""
                INSERT INTO refunds (refund_id, booking_id, event_id, user_id, payment_id, provider_charge_id,
                                     amount_cents, reason, requested_by, state, lease_until)
                VALUES (:id, :booking, :event, :user, :payment, :charge, :amount, :reason, :by, 'REQUESTED',
                        now() + make_interval(secs => :lease))
                ON CONFLICT (booking_id) DO NOTHING
                RETURNING *
                """)
                .param("id", refund.refundId())
                .param("booking", refund.bookingId())
                .param("event", refund.eventId())
                .param("user", refund.userId())
                .param("payment", refund.paymentId())
                .param("charge", refund.providerChargeId())
                .param("amount", refund.amountCents())
                .param("reason", refund.reason())
                .param("by", refund.requestedBy())
                .param("lease", seconds(lease))
                .query(BookingRefund::map)
                .optional();
    }

    Optional<BookingRefund> findByBooking(UUID bookingId) {
        return jdbc.sql("SELECT * FROM refunds WHERE booking_id = :booking")
                .param("booking", bookingId)
                .query(BookingRefund::map)
                .optional();
    }

    BookingRefund get(UUID refundId) {
        return jdbc.sql("SELECT * FROM refunds WHERE refund_id = :id")
                .param("id", refundId)
                .query(BookingRefund::map)
                .single();
    }

    /** Takes an unfinished refund nobody works on (its lease ran out); empty when it is finished or leased. */
    Optional<BookingRefund> tryLease(UUID refundId, Duration lease) {
        return jdbc.sql("""
                UPDATE refunds SET lease_until = now() + make_interval(secs => :lease), updated_at = now()
                WHERE refund_id = :id AND state IN ('REQUESTED', 'PROVIDER_REFUNDED') AND lease_until <= now()
                RETURNING *
                """)
                .param("id", refundId)
                .param("lease", seconds(lease))
                .query(BookingRefund::map)
                .optional();
    }

    /**
     * Takes over unfinished refunds whose lease ran out (their worker crashed, or their back-off is over), renewing the
     * lease so that several reconciler replicas never take the same refund.
     */
    List<BookingRefund> claimStuckSkipLocked(int limit, Duration lease) {
        return jdbc.sql("""
                UPDATE refunds SET lease_until = now() + make_interval(secs => :lease), updated_at = now()
                WHERE refund_id IN (
                    SELECT refund_id FROM refunds
                    WHERE state IN ('REQUESTED', 'PROVIDER_REFUNDED') AND lease_until <= now()
                    ORDER BY lease_until
                    LIMIT :limit
                    FOR UPDATE SKIP LOCKED)
                RETURNING *
                """)
                .param("lease", seconds(lease))
                .param("limit", limit)
                .query(BookingRefund::map)
                .list();
    }

    /** Hands a refund back untouched: anyone may take it now. */
    void releaseLease(UUID refundId) {
        jdbc.sql("UPDATE refunds SET lease_until = now() WHERE refund_id = :id AND state IN ('REQUESTED', 'PROVIDER_REFUNDED')")
                .param("id", refundId)
                .update();
    }

    boolean markProviderRefunded(UUID refundId, String providerRefundId) {
        return jdbc.sql("""
                UPDATE refunds SET state = 'PROVIDER_REFUNDED', provider_refund_id = :provider, tries = 0,
                       updated_at = now()
                WHERE refund_id = :id AND state = 'REQUESTED'
                """)
                .param("id", refundId)
                .param("provider", providerRefundId)
                .update() == 1;
    }

    /** The final transition; false when the refund was already recorded (by another worker). */
    boolean markRecorded(UUID refundId) {
        return jdbc.sql("""
                UPDATE refunds SET state = 'RECORDED', recorded_at = now(), updated_at = now()
                WHERE refund_id = :id AND state = 'PROVIDER_REFUNDED'
                """)
                .param("id", refundId)
                .update() == 1;
    }

    boolean markFailed(UUID refundId, String failure) {
        return jdbc.sql("""
                UPDATE refunds SET state = 'FAILED', failure = :failure, updated_at = now()
                WHERE refund_id = :id AND state IN ('REQUESTED', 'PROVIDER_REFUNDED')
                """)
                .param("id", refundId)
                .param("failure", failure.length() > 1000 ? failure.substring(0, 1000) : failure)
                .update() == 1;
    }

    /** A failed try: nobody retries before {@code base * 2^tries} (at most {@code max}) has passed. */
    void backOff(UUID refundId, Duration base, Duration max) {
        jdbc.sql("""
                UPDATE refunds SET tries = tries + 1, updated_at = now(),
                       lease_until = now() + make_interval(secs => least(:max, :base * power(2, least(tries, 20))))
                WHERE refund_id = :id AND state IN ('REQUESTED', 'PROVIDER_REFUNDED')
                """)
                .param("id", refundId)
                .param("base", seconds(base))
                .param("max", seconds(max))
                .update();
    }

    /** A fan's request (the id its idempotency key was claimed for) waits for this refund. */
    void addRequest(UUID requestId, UUID refundId) {
        jdbc.sql("INSERT INTO refund_requests (request_id, refund_id) VALUES (:request, :refund)")
                .param("request", requestId)
                .param("refund", refundId)
                .update();
    }

    List<UUID> requestsOf(UUID refundId) {
        return jdbc.sql("SELECT request_id FROM refund_requests WHERE refund_id = :refund")
                .param("refund", refundId)
                .query(UUID.class)
                .list();
    }

    private static double seconds(Duration duration) {
        return duration.toMillis() / 1000.0;
    }
}
