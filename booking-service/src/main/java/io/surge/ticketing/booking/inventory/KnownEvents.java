package io.surge.ticketing.booking.inventory;

import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import io.surge.ticketing.platform.cache.MissBudget;

/**
 * The ids of the events booking has inventory for, in memory, so that a request naming any other id is refused
 * without touching the primary: a flood of made-up ids would otherwise cost one query each and compete with
 * reservations for the connection pool. Loaded at start-up with one query, added to as soon as this instance
 * defines an event ({@link InventoryLoader}, at commit), and refreshed in the background with one query every
 * {@code ticketing.booking.known-events.refresh} (5 s), so an event another replica defined is known here within
 * that. Events are never deleted (a cancelled event keeps its row), so the set only grows. The DRAFTs among them
 * (not published yet) are kept beside it, with the same refresh, so that fans' reads answer a DRAFT 404 from memory too.
 */
@Component
public class KnownEvents {

    private static final Logger log = LoggerFactory.getLogger(KnownEvents.class);

    private final EventInventoryRepository events;
    private final Set<Long> known = ConcurrentHashMap.newKeySet();
    /** Lookups of ids not known here, per second and instance: the most a flood of made-up ids costs the primary. */
    private final MissBudget misses = new MissBudget(20);
    private volatile Set<Long> drafts;

    public KnownEvents(EventInventoryRepository events) {
        this.events = events;
        known.addAll(events.eventIds());
        drafts = ConcurrentHashMap.newKeySet();
        drafts.addAll(events.draftEventIds());
    }

    /**
     * Whether booking has inventory for the event. An id not known here is looked up once (within {@link #misses}):
     * another replica may have defined the event since the last refresh; past the budget, "not found" from memory.
     */
    public boolean contains(long eventId) {
        return known.contains(eventId) || lookUp(eventId);
    }

    /** Whether fans may see the event: booking has its inventory and it is not a DRAFT. */
    public boolean visible(long eventId) {
        if (!contains(eventId)) {
            return false;
        }
        // a DRAFT here may have been published through another replica since the last refresh
        return !drafts.contains(eventId) || publishedSince(eventId);
    }

    private boolean lookUp(long eventId) {
        if (!misses.tryTake()) {
            return false;
        }
        Optional<Boolean> published = events.publishedOf(eventId);
        published.ifPresent(isPublished -> {
            if (!isPublished) {
                drafts.add(eventId);
            }
            known.add(eventId);
        });
        return published.isPresent();
    }

    private boolean publishedSince(long eventId) {
        if (!misses.tryTake() || !events.publishedOf(eventId).orElse(false)) {
            return false;
        }
        drafts.remove(eventId);
        return true;
    }

    /** This instance stored the event's draft flag: in force here at commit. */
    void published(long eventId, boolean published) {
        Runnable apply = () -> {
            if (published) {
                drafts.remove(eventId);
            } else {
                drafts.add(eventId);
            }
        };
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    apply.run();
                }
            });
        } else {
            apply.run();
        }
    }

    /** This instance defined the event: known at once, or at commit when inside the defining transaction. */
    void add(long eventId) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    known.add(eventId);
                }
            });
        } else {
            known.add(eventId);
        }
    }

    /** One query for every event id: what other replicas defined since the last refresh becomes known here. */
    @Scheduled(fixedDelayString = "${ticketing.booking.known-events.refresh}",
            initialDelayString = "${ticketing.booking.known-events.refresh}")
    void refresh() {
        try {
            known.addAll(events.eventIds());
            Set<Long> fresh = ConcurrentHashMap.newKeySet();
            fresh.addAll(events.draftEventIds());
            drafts = fresh;
        } catch (RuntimeException e) {
            log.warn("could not refresh the known events (the last known set stays in force): {}", e.toString());
        }
    }
}
