package io.surge.ticketing.booking.bookings;

import java.time.Instant;
import java.util.UUID;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

/**
 * The delay queue of holds the cleanup worker drains: sorted set {@code booking:holds}, member = booking id,
 * score = expires_at in epoch millis. Losing it is harmless: the cleanup worker's Postgres sweep finds
 * expired holds too.
 */
@Component
public class Holds {

    public static final String KEY = "booking:holds";
    private static final String PAYMENT_IN_FLIGHT = "payment:inflight:";

    private final StringRedisTemplate redis;

    Holds(StringRedisTemplate redis) {
        this.redis = redis;
    }

    public void schedule(UUID bookingId, Instant expiresAt) {
        redis.opsForZSet().add(KEY, bookingId.toString(), expiresAt.toEpochMilli());
    }

    public void forget(UUID bookingId) {
        redis.opsForZSet().remove(KEY, bookingId.toString());
    }

    public void forgetAll(java.util.Collection<UUID> bookingIds) {
        if (!bookingIds.isEmpty()) {
            redis.opsForZSet().remove(KEY, bookingIds.stream().map(UUID::toString).toArray());
        }
    }

    /** Whether payment-service is charging this booking right now (it sets the key around the charge). */
    public boolean paymentInFlight(UUID bookingId) {
        return Boolean.TRUE.equals(redis.hasKey(PAYMENT_IN_FLIGHT + bookingId));
    }
}
