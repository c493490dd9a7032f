package io.surge.ticketing.booking.decide;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.connection.zset.Tuple;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

import io.surge.ticketing.booking.bookings.BookingRepository.Fan;
import io.surge.ticketing.booking.bookings.BookingRepository.FanTickets;
import io.surge.ticketing.booking.bookings.LiveTickets;

/**
 * What follows a committed batch of decisions, in two round trips per batch: the bitfield mirror
 * ({@link TakenSeats}), then one pipeline with the expiry delay queue ({@link NewHolds}), the fans' live ticket
 * counts (the API's early per-fan-limit refusal, {@link LiveTickets}) and the broadcast that wakes the waiting
 * requests and drops the buffer's pending markers ({@link DecisionBroadcast}); then the metrics. All of it is derived
 * state: if this instance dies before it runs, Postgres still has the truth (bitfields are rebuilt, the cleanup
 * sweep finds expired holds, and the client polls the booking).
 */
@Component
class DecisionEffects {

    private static final Logger log = LoggerFactory.getLogger(DecisionEffects.class);

    private final TakenSeats seats;
    private final LiveTickets liveTickets;
    private final StringRedisTemplate redis;
    private final DecisionMetrics metrics;

    DecisionEffects(TakenSeats seats, LiveTickets liveTickets, StringRedisTemplate redis, DecisionMetrics metrics) {
        this.seats = seats;
        this.liveTickets = liveTickets;
        this.redis = redis;
        this.metrics = metrics;
    }

    /** @param fans the live tickets of each fan the batch decided afresh, as committed */
    void apply(List<Decision> decisions, Map<Fan, FanTickets> fans) {
        try {
            seats.mark(decisions);
            Set<Tuple> holds = NewHolds.of(decisions);
            byte[] message = DecisionBroadcast.message(decisions);
            byte[][] markers = DecisionBroadcast.pendingMarkers(decisions);
            redis.executePipelined((RedisCallback<Object>) connection -> {
                NewHolds.queue(connection, holds);
                // before the broadcast: a fan told "reserved" who asks again at once is counted with this hold
                liveTickets.record(connection, fans);
                DecisionBroadcast.send(connection, message, markers);
                return null;
            });
        } catch (RuntimeException e) {
            log.warn("post-commit effects of {} decisions failed (derived state, repaired later): {}",
                    decisions.size(), e.toString());
        }
        metrics.count(decisions);
    }
}
