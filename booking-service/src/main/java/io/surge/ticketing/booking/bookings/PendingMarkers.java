package io.surge.ticketing.booking.bookings;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

import io.surge.ticketing.booking.BookingProperties;
import io.surge.ticketing.contracts.redis.BookingRedisKeys;

/**
 * Remembers, for polling clients, the bookings whose commands wait in the Kafka buffer (they have no row
 * until decided): {@link BookingRedisKeys#pending} = {@code userId|eventId}. The decision's post-commit effects delete
 * it (the booking row answers from then on); the expiry only cleans up after a crash between commit and delete.
 */
@Component
public class PendingMarkers {

    private final StringRedisTemplate redis;
    private final Duration ttl;

    PendingMarkers(StringRedisTemplate redis, BookingProperties properties) {
        this.redis = redis;
        this.ttl = properties.commands().pendingTtl();
    }

    private static String key(UUID bookingId) {
        return BookingRedisKeys.pending(bookingId);
    }

    /**
     * Before the command's append: a marker that lives only {@link BookingRedisKeys#PENDING_UNACKNOWLEDGED_TTL}, so a
     * process that dies before Kafka acknowledged the command leaves no booking that reads PENDING for ever.
     */
    public void mark(UUID bookingId, String userId, long eventId) {
        redis.opsForValue().set(key(bookingId), userId + "|" + eventId, BookingRedisKeys.PENDING_UNACKNOWLEDGED_TTL);
    }

    /**
     * Kafka acknowledged the command: the marker lives its full lifetime. Returns false when the marker is gone (the
     * decision came first and deleted it, or the acknowledgement took longer than the short lifetime).
     */
    public boolean accepted(UUID bookingId, String userId, long eventId) {
        return Boolean.TRUE.equals(redis.opsForValue().setIfPresent(key(bookingId), userId + "|" + eventId, ttl));
    }

    /** Writes the marker with its full lifetime (a command acknowledged after its short-lived marker expired). */
    public void restore(UUID bookingId, String userId, long eventId) {
        redis.opsForValue().set(key(bookingId), userId + "|" + eventId, ttl);
    }

    public void clear(UUID bookingId) {
        redis.delete(key(bookingId));
    }

    /** The event of a pending booking of this user, if it is one. */
    public Optional<Long> pendingEvent(UUID bookingId, String userId) {
        String value = redis.opsForValue().get(key(bookingId));
        if (value == null) {
            return Optional.empty();
        }
        int bar = value.lastIndexOf('|');
        if (bar < 0 || !value.substring(0, bar).equals(userId)) {
            return Optional.empty();
        }
        return Optional.of(Long.parseLong(value.substring(bar + 1)));
    }
}
