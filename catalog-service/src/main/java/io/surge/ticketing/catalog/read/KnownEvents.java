package io.surge.ticketing.catalog.read;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

import io.surge.ticketing.catalog.event.EventChanged;
import io.surge.ticketing.catalog.event.EventSnapshots;
import io.surge.ticketing.platform.cache.MissBudget;

/**
 * The ids of every event the catalog has, in memory, so that the public reads answer any other id 404 without a
 * query: a flood of made-up ids must not become a flood of SELECTs on the primary. Loaded at start-up with one
 * query, added to at the commit of an event this instance created (it is readable here at once), and refreshed in
 * the background with one query every {@code ticketing.catalog.read.known-events-refresh} (2 s), so an event another replica
 * created is known here within that. Events are never deleted (a cancelled one is still shown), so the set only
 * grows.
 */
@Component
class KnownEvents {

    private static final Logger log = LoggerFactory.getLogger(KnownEvents.class);

    private final EventSnapshots snapshots;
    private final Set<Long> known = ConcurrentHashMap.newKeySet();
    /** Lookups of ids not known here, per second and instance: the most a flood of made-up ids costs the primary. */
    private final MissBudget misses = new MissBudget(20);

    KnownEvents(EventSnapshots snapshots) {
        this.snapshots = snapshots;
        known.addAll(snapshots.eventIds());
    }

    /**
     * An id not known here is looked up once (within {@link #misses}): another replica may have created the event
     * since the last refresh; past the budget, "not found" from memory.
     */
    boolean contains(long eventId) {
        if (known.contains(eventId)) {
            return true;
        }
        if (!misses.tryTake() || !snapshots.exists(eventId)) {
            return false;
        }
        known.add(eventId);
        return true;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void changed(EventChanged changed) {
        known.add(changed.event().id());
    }

    @Scheduled(fixedDelayString = "${ticketing.catalog.read.known-events-refresh}",
            initialDelayString = "${ticketing.catalog.read.known-events-refresh}")
    void refresh() {
        try {
            known.addAll(snapshots.eventIds());
        } catch (RuntimeException e) {
            log.warn("could not refresh the known events (the last known set stays in force): {}", e.toString());
        }
    }
}
