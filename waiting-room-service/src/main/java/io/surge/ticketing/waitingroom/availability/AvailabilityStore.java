package io.surge.ticketing.waitingroom.availability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.springframework.core.io.ClassPathResource;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.DefaultRedisScript;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

import io.surge.ticketing.contracts.messages.EventAvailabilityChanged;
import io.surge.ticketing.waitingroom.keys.QueueKeys;

/**
 * Whether an event is sold out, as booking last said, kept in the event's Redis configuration (shared by every
 * replica, kept across a restart of the service) where the queue scripts read it: while it is sold out the serving
 * counter stands still. Booking's messages are states: the newest {@code as_of} wins, so a redelivered or late
 * older message changes nothing ({@code availability.lua}).
 */
@Component
public class AvailabilityStore {

    private static final RedisScript<Long> APPLY = new DefaultRedisScript<>(source(), Long.class);

    private final StringRedisTemplate redis;

    public AvailabilityStore(StringRedisTemplate redis) {
        this.redis = redis;
    }

    /** @return true when applied, false when an as-new or newer state was already known */
    public boolean apply(EventAvailabilityChanged availability) {
        if (availability.asOf() == null) {
            throw new IllegalArgumentException("availability of event " + availability.eventId() + " has no as_of");
        }
        Long applied = redis.execute(APPLY,
                List.of(QueueKeys.config(availability.eventId()), QueueKeys.state(availability.eventId())),
                availability.soldOut() ? "1" : "0", Long.toString(availability.asOf().toEpochMilli()));
        return applied != null && applied == 1L;
    }

    private static String source() {
        try {
            return new ClassPathResource("scripts/availability.lua").getContentAsString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
