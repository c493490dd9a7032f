package io.surge.ticketing.booking.availability;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.MeterRegistry;
import io.surge.ticketing.booking.inventory.EventFacts;
import io.surge.ticketing.booking.inventory.EventInventoryRepository;
import io.surge.ticketing.booking.inventory.KnownEvents;
import io.surge.ticketing.booking.inventory.TicketRepository;
import io.surge.ticketing.contracts.redis.AvailabilityBitfield;

/**
 * Rebuilds an event's bitfield from Postgres (the source of truth) when Redis lost it. Commits that land
 * while the snapshot is taken are replayed from {@code tickets.updated_at}, so the rebuilt view is not older
 * than the rebuild. One rebuild per event at a time in this instance. On demand ({@link #ensure}), only an event
 * booking has inventory for ({@link KnownEvents}) is ever looked up in Postgres.
 */
@Component
public class AvailabilityRebuilder {

    private static final Logger log = LoggerFactory.getLogger(AvailabilityRebuilder.class);
    // updated_at is the writing transaction's start time: replay a margin wider than any decision batch.
    private static final Duration REPLAY_MARGIN = Duration.ofSeconds(10);

    private final EventInventoryRepository events;
    private final KnownEvents known;
    private final TicketRepository tickets;
    private final AvailabilityStore store;
    private final Clock clock;
    private final MeterRegistry meters;
    private final ConcurrentMap<Long, Object> locks = new ConcurrentHashMap<>();

    AvailabilityRebuilder(EventInventoryRepository events, KnownEvents known, TicketRepository tickets,
            AvailabilityStore store, Clock clock, MeterRegistry meters) {
        this.events = events;
        this.known = known;
        this.tickets = tickets;
        this.store = store;
        this.clock = clock;
        this.meters = meters;
    }

    /** Rebuilds when the bitfield is missing; returns false when the event is unknown (without asking Postgres). */
    public boolean ensure(long eventId) {
        if (!known.contains(eventId)) {
            return false;
        }
        if (store.exists(eventId)) {
            return true;
        }
        Object lock = locks.computeIfAbsent(eventId, id -> new Object());
        synchronized (lock) {
            try {
                if (store.exists(eventId)) {
                    return true;
                }
                return rebuild(eventId);
            } finally {
                locks.remove(eventId, lock);
            }
        }
    }

    /** Rebuilds unconditionally; returns false when the event is unknown. */
    public boolean rebuild(long eventId) {
        Optional<EventFacts> facts = events.find(eventId);
        if (facts.isEmpty()) {
            return false;
        }
        Instant started = clock.instant();
        List<Integer> taken = tickets.takenSeatIndexes(eventId);
        store.replace(eventId, AvailabilityBitfield.of(facts.get().seatCount(), taken), facts.get().seatCount());
        List<Integer> nowTaken = new ArrayList<>();
        List<Integer> nowFree = new ArrayList<>();
        for (int[] change : tickets.changedSince(eventId, started.minus(REPLAY_MARGIN))) {
            (change[1] == 1 ? nowTaken : nowFree).add(change[0]);
        }
        store.set(eventId, nowTaken, true);
        store.set(eventId, nowFree, false);
        meters.counter("booking.availability.rebuilds").increment();
        log.info("rebuilt availability bitfield of event {} from Postgres ({} of {} seats taken)", eventId,
                taken.size(), facts.get().seatCount());
        return true;
    }

    /** Rebuilds every event whose bitfield is missing (after a Redis loss or at start-up). */
    public int ensureAll() {
        int rebuilt = 0;
        for (long eventId : events.eventIds()) {
            if (!store.exists(eventId) && rebuild(eventId)) {
                rebuilt++;
            }
        }
        return rebuilt;
    }
}
