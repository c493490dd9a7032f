package io.surge.ticketing.booking.decide;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.connection.zset.Tuple;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

import tools.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.surge.ticketing.booking.availability.AvailabilityRebuilder;
import io.surge.ticketing.booking.availability.AvailabilityStore;
import io.surge.ticketing.booking.bookings.BookingRepository.Fan;
import io.surge.ticketing.booking.bookings.BookingRepository.FanTickets;
import io.surge.ticketing.booking.bookings.BookingStatus;
import io.surge.ticketing.booking.bookings.Holds;
import io.surge.ticketing.booking.bookings.LiveTickets;
import io.surge.ticketing.booking.bookings.PendingMarkers;
import io.surge.ticketing.contracts.messages.MessageJson;

/**
 * What follows a committed batch of decisions: the bitfield mirror, the expiry delay queue, the fans' live ticket
 * counts (the API's early per-fan-limit refusal, {@link LiveTickets}), the broadcast that wakes the API instance
 * holding each request (one message per batch: a JSON array of decisions), and the removal of the buffer's pending
 * markers, in two round trips per batch. All of it is derived state: if this instance dies before
 * it runs, Postgres still has the truth (bitfields are rebuilt, the cleanup sweep finds expired holds, and the
 * client polls the booking).
 */
@Component
public class DecisionPublisher {

    public static final String CHANNEL = "booking:decisions";
    private static final Logger log = LoggerFactory.getLogger(DecisionPublisher.class);

    private final AvailabilityStore availability;
    private final AvailabilityRebuilder rebuilder;
    private final StringRedisTemplate redis;
    private final LiveTickets liveTickets;
    private final MeterRegistry meters;
    private final Counter conflicts;
    private final ObjectMapper json = MessageJson.mapper();

    DecisionPublisher(AvailabilityStore availability, AvailabilityRebuilder rebuilder,
            StringRedisTemplate redis, LiveTickets liveTickets, MeterRegistry meters) {
        this.availability = availability;
        this.rebuilder = rebuilder;
        this.redis = redis;
        this.liveTickets = liveTickets;
        this.meters = meters;
        // the sale's two common outcomes are exported from the start (at 0); rarer ones appear when they happen
        meters.counter("booking.reservations", "outcome", BookingStatus.RESERVED.name());
        meters.counter("booking.reservations", "outcome", "SEATS_UNAVAILABLE");
        this.conflicts = Counter.builder("booking.reservations.conflicts")
                .description("reservations refused because a requested seat was taken (the surge's contention)")
                .register(meters);
    }

    /** @param fans the live tickets of each fan the batch decided afresh, as committed */
    void published(List<Decision> decisions, Map<Fan, FanTickets> fans) {
        try {
            // One bitfield update per event, then one pipelined round trip for the delay queue and the broadcast.
            Map<Long, List<Integer>> taken = new HashMap<>();
            for (Decision decision : decisions) {
                if (decision.status() == BookingStatus.RESERVED) {
                    taken.computeIfAbsent(decision.eventId(), id -> new ArrayList<>()).addAll(decision.seatIndexes());
                }
            }
            taken.forEach((eventId, seats) -> {
                if (!availability.set(eventId, seats, true)) {
                    rebuilder.ensure(eventId);
                }
            });
            // One message per batch: every instance parses it once and completes the requests it holds.
            byte[] message = json.writeValueAsBytes(decisions);
            Set<Tuple> holds = new HashSet<>();
            List<byte[]> markers = new ArrayList<>(decisions.size());
            for (Decision decision : decisions) {
                if (decision.status() == BookingStatus.RESERVED) {
                    holds.add(Tuple.of(decision.bookingId().toString().getBytes(StandardCharsets.UTF_8),
                            (double) decision.expiresAt().toEpochMilli()));
                }
                // decided: the row answers polls now, the buffer's marker has done its job
                markers.add(PendingMarkers.key(decision.bookingId()).getBytes(StandardCharsets.UTF_8));
            }
            redis.executePipelined((RedisCallback<Object>) connection -> {
                if (!holds.isEmpty()) {
                    connection.zSetCommands().zAdd(Holds.KEY.getBytes(StandardCharsets.UTF_8), holds);
                }
                // before the broadcast: a fan told "reserved" who asks again at once is counted with this hold
                liveTickets.record(connection, fans);
                connection.publish(CHANNEL.getBytes(StandardCharsets.UTF_8), message);
                connection.keyCommands().del(markers.toArray(byte[][]::new));
                return null;
            });
        } catch (RuntimeException e) {
            log.warn("post-commit effects of {} decisions failed (derived state, repaired later): {}",
                    decisions.size(), e.toString());
        }
        for (Decision decision : decisions) {
            String outcome = decision.reason() == null ? decision.status().name() : decision.reason();
            meters.counter("booking.reservations", "outcome", outcome).increment();
            if ("SEATS_UNAVAILABLE".equals(outcome)) {
                conflicts.increment();
            }
        }
    }
}
