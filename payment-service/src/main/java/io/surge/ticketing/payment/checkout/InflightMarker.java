package io.surge.ticketing.payment.checkout;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

import io.surge.ticketing.contracts.redis.PaymentRedisKeys;

/**
 * {@link PaymentRedisKeys#inflight} = attempt id, set before charging and removed once the outcome is
 * settled: booking-service refuses to cancel and cleanup-worker does not expire a hold that is being paid.
 * The TTL bounds the damage of a crash (the reconciler settles the attempt anyway).
 */
@Component
class InflightMarker {

    private static final Logger log = LoggerFactory.getLogger(InflightMarker.class);
    private static final RedisScript<Long> DELETE_IF_OURS = RedisScript.of(
            "if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) else return 0 end",
            Long.class);

    private final StringRedisTemplate redis;
    private final Duration ttl;

    InflightMarker(StringRedisTemplate redis, CheckoutProperties properties) {
        this.redis = redis;
        this.ttl = properties.inflightTtl();
    }

    /** False when Redis is unreachable: then we do not charge (cleanup could not see the payment). */
    boolean mark(UUID bookingId, UUID attemptId) {
        try {
            redis.opsForValue().set(PaymentRedisKeys.inflight(bookingId), attemptId.toString(), ttl);
            return true;
        } catch (DataAccessException e) {
            log.warn("cannot mark payment of booking {} in flight: {}", bookingId, e.toString());
            return false;
        }
    }

    /** Removes the marker only if it is still ours (a newer attempt may have replaced it). */
    void clear(UUID bookingId, UUID attemptId) {
        try {
            redis.execute(DELETE_IF_OURS, List.of(PaymentRedisKeys.inflight(bookingId)), attemptId.toString());
        } catch (DataAccessException e) {
            log.warn("cannot clear in-flight marker of booking {} (its TTL will): {}", bookingId, e.toString());
        }
    }
}
