package io.surge.ticketing.cleanup;

import java.util.UUID;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import io.surge.ticketing.contracts.redis.BookingRedisKeys;
import io.surge.ticketing.contracts.redis.PaymentRedisKeys;

/**
 * The Redis keys booking-service, payment-service and this worker share, as {@code contracts} spells them. The
 * optional {@code ticketing.cleanup.redis-key-prefix} exists only so integration tests can run a worker beside the real
 * one without either touching the other's keys; it is unset everywhere else.
 */
@Component
public class RedisKeys {

    private final String prefix;

    @Autowired
    RedisKeys(CleanupProperties properties) {
        this(properties.redisKeyPrefix());
    }

    public RedisKeys(String prefix) {
        this.prefix = prefix == null ? "" : prefix;
    }

    /** Sorted set of live holds: member = booking id, score = expires_at in epoch millis. */
    public String holds() {
        return prefix + BookingRedisKeys.HOLDS;
    }

    /** Set once {@link #holds()} was refilled from Postgres; its absence means Redis lost its data. */
    public String holdsSeeded() {
        return prefix + BookingRedisKeys.HOLDS_SEEDED;
    }

    /** payment-service sets it (value: attempt id) while it charges the booking. */
    public String inflight(UUID bookingId) {
        return inflightPrefix() + bookingId;
    }

    public String inflightPrefix() {
        return prefix + PaymentRedisKeys.INFLIGHT_PREFIX;
    }

    public String bitfield(long eventId) {
        return prefix + BookingRedisKeys.availability(eventId);
    }

    public String bitfieldMeta(long eventId) {
        return prefix + BookingRedisKeys.availabilityMeta(eventId);
    }
}
