package io.surge.ticketing.catalog.event;

import java.time.Instant;
import java.util.ArrayList;
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
        checkTimes(request.startsAt(), request.onSaleAt(), request.refundDeadline());
        Map<Long, Long> prices = PriceTiers.resolve(request.priceTiers(), sections);
        long performerId = events.performerId(request.performer().trim());
        long eventId = events.insertEvent(request.name().trim(), performerId, normalizeCategory(request.category()),
                request.venueId(), request.startsAt(), request.onSaleAt(), request.refundDeadline(),
                request.published());
        events.replacePrices(eventId, prices);
        // a DRAFT's inventory goes to booking too (published=false): the seats exist, nothing is sold until published
        publisher.publishEvent(new EventChanged(snapshots.find(eventId).orElseThrow(), true));
        meters.counter("catalog.events.changes", "change", request.published() ? "created" : "drafted").increment();
        return eventId;
    }

    @Transactional
    EventSnapshot update(long eventId, UpdateEventRequest request) {
        EventRepository.Current current = events.lockForUpdate(eventId)
                .orElseThrow(() -> new EventNotFoundException(eventId));
        if (EventSnapshot.CANCELLED.equals(current.state())) {
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
        // an event never given a refund deadline keeps following its start
        Instant refundDeadline = request.refundDeadline() != null ? request.refundDeadline() : current.refundDeadline();
        checkTimes(startsAt, onSaleAt, refundDeadline);
        Long performerId = request.performer() != null ? events.performerId(request.performer().trim()) : null;
        events.update(eventId, request.name() != null ? request.name().trim() : null, performerId,
                request.category() != null ? normalizeCategory(request.category()) : null, startsAt, onSaleAt,
                refundDeadline);
        if (request.priceTiers() != null) {
            List<SectionRef> sections = venues.findSections(current.venueId()).orElseThrow();
            events.replacePrices(eventId, PriceTiers.resolve(request.priceTiers(), sections));
        }
        Instant effectiveRefundDeadline = refundDeadline != null ? refundDeadline : startsAt;
        boolean inventoryChanged = !onSaleAt.equals(current.onSaleAt()) || !startsAt.equals(current.startsAt())
                || !effectiveRefundDeadline.equals(current.effectiveRefundDeadline()) || request.priceTiers() != null;
        EventSnapshot changed = snapshots.find(eventId).orElseThrow();
        publisher.publishEvent(new EventChanged(changed, inventoryChanged));
        meters.counter("catalog.events.changes", "change", "updated").increment();
        return changed;
    }

    /**
     * DRAFT -> published: it becomes visible, searchable, joinable and sellable (the inventory is sent again with
     * published=true). Idempotent: publishing a published event changes nothing; a cancelled one is refused.
     */
    @Transactional
    EventSnapshot publish(long eventId) {
        EventRepository.Current current = events.lockForUpdate(eventId)
                .orElseThrow(() -> new EventNotFoundException(eventId));
        if (EventSnapshot.CANCELLED.equals(current.state())) {
            throw new EventCancelledException(eventId);
        }
        if (!EventSnapshot.DRAFT.equals(current.state())) {
            return snapshots.find(eventId).orElseThrow();
        }
        events.publish(eventId);
        EventSnapshot published = snapshots.find(eventId).orElseThrow();
        publisher.publishEvent(new EventChanged(published, true));
        meters.counter("catalog.events.changes", "change", "published").increment();
        return published;
    }

    /** Idempotent: cancelling a cancelled event changes nothing. */
    @Transactional
    void cancel(long eventId) {
        EventRepository.Current current = events.lockForUpdate(eventId)
                .orElseThrow(() -> new EventNotFoundException(eventId));
        if (EventSnapshot.CANCELLED.equals(current.state())) {
            return;
        }
        events.cancel(eventId);
        // a cancellation is an inventory change too: booking must stop selling the event's seats
        publisher.publishEvent(new EventChanged(snapshots.find(eventId).orElseThrow(), true));
        meters.counter("catalog.events.changes", "change", "cancelled").increment();
    }

    /** Every rule on the times at once, so one answer lists every field to fix. */
    static void checkTimes(Instant startsAt, Instant onSaleAt, Instant refundDeadline) {
        List<Map<String, String>> errors = new ArrayList<>();
        if (!onSaleAt.isBefore(startsAt)) {
            errors.add(ValidationFailedException.fieldError("on_sale_at", "must be before starts_at"));
        }
        if (refundDeadline != null && refundDeadline.isAfter(startsAt)) {
            errors.add(ValidationFailedException.fieldError("refund_deadline", "must not be after starts_at"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationFailedException(errors);
        }
    }

    private static String normalizeCategory(String category) {
        return category.trim().toLowerCase();
    }
}
