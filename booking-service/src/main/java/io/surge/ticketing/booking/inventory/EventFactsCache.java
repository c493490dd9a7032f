package io.surge.ticketing.booking.inventory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import org.springframework.stereotype.Component;

/**
 * A few seconds of memory of each event's facts, so request validation on the surge path does not query
 * Postgres per request. An id booking has no inventory for ({@link KnownEvents}) is answered empty from memory,
 * however many made-up ids a bot tries. The decision itself always reads Postgres.
 */
@Component
public class EventFactsCache {

    private static final Duration TTL = Duration.ofSeconds(2);
    private static final int MAX_ENTRIES = 10_000;

    private final EventInventoryRepository events;
    private final KnownEvents known;
    private final Clock clock;
    private final ConcurrentMap<Long, Entry> entries = new ConcurrentHashMap<>();

    EventFactsCache(EventInventoryRepository events, KnownEvents known, Clock clock) {
        this.events = events;
        this.known = known;
        this.clock = clock;
    }

    public Optional<EventFacts> find(long eventId) {
        if (!known.contains(eventId)) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Entry entry = entries.get(eventId);
        if (entry == null || entry.expires().isBefore(now)) {
            if (entries.size() > MAX_ENTRIES) {
                entries.clear();
            }
            entry = new Entry(events.find(eventId), now.plus(TTL));
            entries.put(eventId, entry);
        }
        return entry.facts();
    }

    private record Entry(Optional<EventFacts> facts, Instant expires) {
    }
}
