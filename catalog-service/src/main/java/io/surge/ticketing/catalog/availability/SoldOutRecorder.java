package io.surge.ticketing.catalog.availability;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.micrometer.core.instrument.MeterRegistry;
import io.surge.ticketing.catalog.event.EventChanged;
import io.surge.ticketing.catalog.event.EventSnapshots;
import io.surge.ticketing.contracts.messages.EventAvailabilityChanged;

/**
 * Applies booking's sold-out word to the event. The message is a state, re-sent now and then and possibly
 * reordered or redelivered: only a count newer than the last one applied counts ({@code as_of}), and only a flip of
 * the flag is a change of the event (version + 1, so the details' ETag and the search document move; the caches
 * here evict at commit). The inventory is not re-sent: booking is where the count comes from.
 */
@Service
class SoldOutRecorder {

    enum Outcome { FLIPPED, UNCHANGED, STALE, UNKNOWN_EVENT }

    private final EventAvailabilityRepository availability;
    private final EventSnapshots snapshots;
    private final ApplicationEventPublisher publisher;
    private final MeterRegistry meters;

    SoldOutRecorder(EventAvailabilityRepository availability, EventSnapshots snapshots,
            ApplicationEventPublisher publisher, MeterRegistry meters) {
        this.availability = availability;
        this.snapshots = snapshots;
        this.publisher = publisher;
        this.meters = meters;
    }

    @Transactional
    Outcome apply(EventAvailabilityChanged message) {
        Outcome outcome = decide(message);
        meters.counter("catalog.availability.applied", "outcome", outcome.name().toLowerCase()).increment();
        return outcome;
    }

    private Outcome decide(EventAvailabilityChanged message) {
        var current = availability.lockForUpdate(message.eventId());
        if (current.isEmpty()) {
            return Outcome.UNKNOWN_EVENT;
        }
        if (current.get().asOf() != null && !message.asOf().isAfter(current.get().asOf())) {
            return Outcome.STALE;
        }
        boolean flipped = current.get().soldOut() != message.soldOut();
        availability.record(message.eventId(), message.soldOut(), message.asOf(), flipped);
        if (!flipped) {
            return Outcome.UNCHANGED;
        }
        publisher.publishEvent(new EventChanged(snapshots.find(message.eventId()).orElseThrow(), false));
        meters.counter("catalog.events.changes", "change", message.soldOut() ? "sold-out" : "back-on-sale")
                .increment();
        return Outcome.FLIPPED;
    }
}
