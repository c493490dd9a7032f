package io.surge.ticketing.booking.bookings;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.OptionalInt;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.RedisStringCommands.SetOption;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.types.Expiration;
import org.springframework.stereotype.Component;

import io.surge.ticketing.booking.BookingProperties;
import io.surge.ticketing.booking.bookings.BookingRepository.Fan;
import io.surge.ticketing.booking.bookings.BookingRepository.FanTickets;

/**
 * The deciders' last word on each fan's live (held + sold) tickets of an event, in Redis for every API instance:
 * {@code booking:livetickets:{eventId}:{userId}} = count. It lets the API refuse at once a fan who is already at the
 * per-fan limit, instead of buffering a command that can only be rejected. The decider stays the authority: this is
 * a hint that may be a little behind, and it converges on its own:
 * <ul>
 * <li>the decider writes it after each committed batch (the count it has just decided on, under the fan's lock);</li>
 * <li>a cancellation in this service deletes it after its commit;</li>
 * <li>a hold's expiry is the cleanup worker's and tells no one here, so each key lives no longer than the fan's
 * first hold (and never longer than {@code commands.live-tickets-ttl}, which bounds any other drift: a refund, a
 * write racing a cancellation). A missing key refuses nothing: the request goes to the decider, which writes the
 * key again.</li>
 * </ul>
 * A fan with no live tickets has no key. Redis being unavailable makes every fan "unknown": the decider decides.
 */
@Component
public class LiveTickets {

    private static final Logger log = LoggerFactory.getLogger(LiveTickets.class);
    private static final String PREFIX = "booking:livetickets:";
    // A hold that has expired but is not released yet still counts for the decider too: refuse it briefly.
    private static final Duration MIN_TTL = Duration.ofSeconds(1);

    private final StringRedisTemplate redis;
    private final Duration maxTtl;
    private final Clock clock;

    LiveTickets(StringRedisTemplate redis, BookingProperties properties, Clock clock) {
        this.redis = redis;
        this.maxTtl = properties.commands().liveTicketsTtl();
        this.clock = clock;
    }

    public static String key(long eventId, String userId) {
        return PREFIX + eventId + ":" + userId;
    }

    /** The fan's live tickets of the event as last decided; empty when not known here (the decider decides). */
    public OptionalInt find(long eventId, String userId) {
        try {
            String count = redis.opsForValue().get(key(eventId, userId));
            return count == null ? OptionalInt.empty() : OptionalInt.of(Integer.parseInt(count));
        } catch (RuntimeException unavailable) {
            return OptionalInt.empty();
        }
    }

    /** The fan's tickets went down here (a cancellation): forget them until the next decision says again. */
    public void forget(long eventId, String userId) {
        try {
            redis.delete(key(eventId, userId));
        } catch (RuntimeException e) {
            // the key's TTL still bounds how long it can refuse
            log.warn("could not forget the live tickets of a fan of event {}: {}", eventId, e.toString());
        }
    }

    /** Writes the fans' counts after a committed batch, on the caller's (pipelined) connection. */
    public void record(RedisConnection connection, Map<Fan, FanTickets> fans) {
        Instant now = clock.instant();
        fans.forEach((fan, tickets) -> {
            byte[] key = key(fan.eventId(), fan.userId()).getBytes(StandardCharsets.UTF_8);
            if (tickets.count() <= 0) {
                connection.keyCommands().del(key);
            } else {
                connection.stringCommands().set(key, Integer.toString(tickets.count()).getBytes(StandardCharsets.UTF_8),
                        Expiration.from(ttl(tickets, now, maxTtl)), SetOption.upsert());
            }
        });
    }

    /** Until the fan's first hold may expire (the count may drop then), at most {@code maxTtl}, at least 1 s. */
    static Duration ttl(FanTickets tickets, Instant now, Duration maxTtl) {
        Duration ttl = maxTtl;
        if (tickets.firstHoldExpiry() != null) {
            Duration untilExpiry = Duration.between(now, tickets.firstHoldExpiry());
            if (untilExpiry.compareTo(ttl) < 0) {
                ttl = untilExpiry;
            }
        }
        return ttl.compareTo(MIN_TTL) < 0 ? MIN_TTL : ttl;
    }
}
