package io.surge.ticketing.booking.bookings;

import java.time.Instant;
import java.util.UUID;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

import io.surge.ticketing.contracts.redis.BookingRedisKeys;
import io.surge.ticketing.contracts.redis.PaymentRedisKeys;

/**
 * The delay queue of holds the cleanup worker drains, a sorted set ({@link BookingRedisKeys#HOLDS}): member =
 * booking id, score = expires_at in epoch millis. Losing it is harmless: the cleanup worker's Postgres sweep finds
 * expired holds too.
 */
@Component
public class Holds {

    private final StringRedisTemplate redis;

    Holds(StringRedisTemplate redis) {
        this.redis = redis;
    }

    public void schedule(UUID bookingId, Instant expiresAt) {
        redis.opsForZSet().add(BookingRedisKeys.HOLDS, bookingId.toString(), expiresAt.toEpochMilli());
    }

    public void forget(UUID bookingId) {
        redis.opsForZSet().remove(BookingRedisKeys.HOLDS, bookingId.toString());
    }

    public void forgetAll(java.util.Collection<UUID> bookingIds) {
        if (!bookingIds.isEmpty()) {
            redis.opsForZSet().remove(BookingRedisKeys.HOLDS, bookingIds.stream().map(UUID::toString).toArray());
        }
    }

    /** Whether payment-service is charging this booking right now (it sets the key around the charge). */
    public boolean paymentInFlight(UUID bookingId) {
        return Boolean.TRUE.equals(redis.hasKey(PaymentRedisKeys.inflight(bookingId)));
    }
}
