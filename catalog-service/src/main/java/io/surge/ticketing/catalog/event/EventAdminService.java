package io.surge.ticketing.catalog.event;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.micrometer.core.instrument.MeterRegistry;
import io.surge.ticketing.catalog.venue.VenueRepository;
import io.surge.ticketing.catalog.venue.VenueRepository.SectionRef;
import io.surge.ticketing.catalog.web.ValidationFailedException;

/**
 * The admin use cases. Each runs in one transaction that also writes the outbox row and the search projection
 * (through {@link EventChanged} listeners), so booking and search can never miss a committed change.
 */
@Service
class EventAdminService {

    private final EventRepository events;
    private final EventSnapshots snapshots;
    private final VenueRepository venues;
    private final ApplicationEventPublisher publisher;
    private final MeterRegistry meters;

    EventAdminService(EventRepository events, EventSnapshots snapshots, VenueRepository venues,
            ApplicationEventPublisher publisher, MeterRegistry meters) {
        this.events = events;
        this.snapshots = snapshots;
        this.venues = venues;
        this.publisher = publisher;
        this.meters = meters;
    }

    @Transactional
    long create(CreateEventRequest request) {
        List<SectionRef> sections = venues.findSections(request.venueId())
                .orElseThrow(() -> new VenueNotFoundException(request.venueId()));
        checkTimes(request.startsAt(), request.onSaleAt());
        Map<Long, Long> prices = PriceTiers.resolve(request.priceTiers(), sections);
        long performerId = events.performerId(request.performer().trim());
        long eventId = events.insertEvent(request.name().trim(), performerId, normalizeCategory(request.category()),
                request.venueId(), request.startsAt(), request.onSaleAt());
        events.replacePrices(eventId, prices);
        publisher.publishEvent(new EventChanged(snapshots.find(eventId).orElseThrow(), true));
        meters.counter("catalog.events.changes", "change", "created").increment();
        return eventId;
    }

    @Transactional
    EventSnapshot update(long eventId, UpdateEventRequest request) {
        EventRepository.Current current = events.lockForUpdate(eventId)
                .orElseThrow(() -> new EventNotFoundException(eventId));
        if (EventSnapshot.CANCELLED.equals(current.status())) {
            throw new EventConflictException("event " + eventId + " is cancelled and can no longer change");
        }
        if (request.venueId() != null && request.venueId() != current.venueId()) {
            // The seat inventory (one row per seat, ticket ids = seat indexes) was built from this venue's layout
            // and may already be held or sold: moving venues means a new event, not an edit.
            throw new EventConflictException("the venue of an event cannot change after creation: cancel it and "
                    + "create a new event at the other venue");
        }
        Instant startsAt = request.startsAt() != null ? request.startsAt() : current.startsAt();
        Instant onSaleAt = request.onSaleAt() != null ? request.onSaleAt() : current.onSaleAt();
        checkTimes(startsAt, onSaleAt);
        Long performerId = request.performer() != null ? events.performerId(request.performer().trim()) : null;
        events.update(eventId, request.name() != null ? request.name().trim() : null, performerId,
                request.category() != null ? normalizeCategory(request.category()) : null, startsAt, onSaleAt);
        if (request.priceTiers() != null) {
            List<SectionRef> sections = venues.findSections(current.venueId()).orElseThrow();
            events.replacePrices(eventId, PriceTiers.resolve(request.priceTiers(), sections));
        }
        boolean inventoryChanged = !onSaleAt.equals(current.onSaleAt()) || request.priceTiers() != null;
        EventSnapshot changed = snapshots.find(eventId).orElseThrow();
        publisher.publishEvent(new EventChanged(changed, inventoryChanged));
        meters.counter("catalog.events.changes", "change", "updated").increment();
        return changed;
    }

    /** Idempotent: cancelling a cancelled event changes nothing. */
    @Transactional
    void cancel(long eventId) {
        EventRepository.Current current = events.lockForUpdate(eventId)
                .orElseThrow(() -> new EventNotFoundException(eventId));
        if (EventSnapshot.CANCELLED.equals(current.status())) {
            return;
        }
        events.cancel(eventId);
        publisher.publishEvent(new EventChanged(snapshots.find(eventId).orElseThrow(), false));
        meters.counter("catalog.events.changes", "change", "cancelled").increment();
    }

    private static void checkTimes(Instant startsAt, Instant onSaleAt) {
        if (!onSaleAt.isBefore(startsAt)) {
            throw new ValidationFailedException("on_sale_at", "must be before starts_at");
        }
    }

    private static String normalizeCategory(String category) {
        return category.trim().toLowerCase();
    }
}
