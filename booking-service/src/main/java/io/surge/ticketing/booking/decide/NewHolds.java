package io.surge.ticketing.booking.decide;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.zset.Tuple;

import io.surge.ticketing.booking.bookings.BookingStatus;
import io.surge.ticketing.contracts.redis.BookingRedisKeys;

/**
 * A batch's new holds in the expiry delay queue the cleanup worker drains (member booking id, score its
 * {@code expires_at}), added within the batch's one pipelined round trip ({@link DecisionEffects}).
 */
final class NewHolds {

    private static final byte[] QUEUE = BookingRedisKeys.HOLDS.getBytes(StandardCharsets.UTF_8);

    private NewHolds() {
    }

    /** The delay queue entries of the batch's RESERVED decisions (none for an all-rejected batch). */
    static Set<Tuple> of(List<Decision> decisions) {
        Set<Tuple> holds = new HashSet<>();
        for (Decision decision : decisions) {
            if (decision.status() == BookingStatus.RESERVED) {
                holds.add(Tuple.of(decision.bookingId().toString().getBytes(StandardCharsets.UTF_8),
                        (double) decision.expiresAt().toEpochMilli()));
            }
        }
        return holds;
    }

    static void queue(RedisConnection connection, Set<Tuple> holds) {
        if (!holds.isEmpty()) {
            connection.zSetCommands().zAdd(QUEUE, holds);
        }
    }
}
