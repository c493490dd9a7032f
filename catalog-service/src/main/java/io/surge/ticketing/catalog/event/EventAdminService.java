package io.surge.ticketing.catalog.event;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.micrometer.core.instrument.MeterRegistry;
import io.surge.ticketing.catalog.venue.VenueSections;
import io.surge.ticketing.catalog.venue.VenueSections.SectionRef;
import io.surge.ticketing.catalog.web.ValidationFailedException;

/**
 * The admin use cases. Each runs in one transaction that also writes the outbox row and the search projection
 * (through {@link EventChanged} listeners), so booking and search can never miss a committed change.
 */
@Service
class EventAdminService {

    private final EventRepository events;
    private final EventRowLocks locks;
    private final PerformerRepository performers;
    private final EventSnapshots snapshots;
    private final VenueSections venues;
    private final ApplicationEventPublisher publisher;
    private final MeterRegistry meters;
    private final Clock clock;

    EventAdminService(EventRepository events, EventRowLocks locks, PerformerRepository performers,
            EventSnapshots snapshots, VenueSections venues, ApplicationEventPublisher publisher, MeterRegistry meters,
            Clock clock) {
        this.events = events;
        this.locks = locks;
        this.performers = performers;
        this.snapshots = snapshots;
        this.venues = venues;
        this.publisher = publisher;
        this.meters = meters;
        this.clock = clock;
    }

    @Transactional
    long create(CreateEventRequest request) {
        List<SectionRef> sections = venues.find(request.venueId())
                .orElseThrow(() -> new VenueNotFoundException(request.venueId()));
        checkTimes(request.startsAt(), request.onSaleAt(), request.refundDeadline());
        Map<Long, Long> prices = PriceTiers.resolve(request.priceTiers(), sections);
        long performerId = performers.idOfInsertingIfAbsent(request.performer().trim());
        // flushed now: the snapshot below is read with SQL, which sees only what Hibernate has written
        long eventId = events.saveAndFlush(new Event(request.name().trim(), performerId,
                normalizeCategory(request.category()), request.venueId(), request.startsAt(), request.onSaleAt(),
                request.refundDeadline(), request.published(), prices, clock.instant())).id();
        // a DRAFT's inventory goes to booking too (published=false): the seats exist, nothing is sold until published
        publisher.publishEvent(new EventChanged(snapshots.find(eventId).orElseThrow(), true));
        meters.counter("catalog.events.changes", "change", request.published() ? "created" : "drafted").increment();
        return eventId;
    }

    @Transactional
    EventSnapshot update(long eventId, UpdateEventRequest request) {
        Event event = lockForUpdate(eventId);
        if (EventSnapshot.CANCELLED.equals(event.state())) {
            throw new EventConflictException("event " + eventId + " is cancelled and can no longer change");
        }
        if (request.venueId() != null && request.venueId() != event.venueId()) {
            // The seat inventory (one row per seat, ticket ids = seat indexes) was built from this venue's layout
            // and may already be held or sold: moving venues means a new event, not an edit.
            throw new EventConflictException("the venue of an event cannot change after creation: cancel it and "
                    + "create a new event at the other venue");
        }
        Instant startsAt = request.startsAt() != null ? request.startsAt() : event.startsAt();
        Instant onSaleAt = request.onSaleAt() != null ? request.onSaleAt() : event.onSaleAt();
        // an event never given a refund deadline keeps following its start
        Instant refundDeadline = request.refundDeadline() != null ? request.refundDeadline() : event.refundDeadline();
        checkTimes(startsAt, onSaleAt, refundDeadline);
        Map<Long, Long> prices = null;
        if (request.priceTiers() != null) {
            prices = PriceTiers.resolve(request.priceTiers(), venues.find(event.venueId()).orElseThrow());
        }
        Instant effectiveRefundDeadline = refundDeadline != null ? refundDeadline : startsAt;
        boolean inventoryChanged = !onSaleAt.equals(event.onSaleAt()) || !startsAt.equals(event.startsAt())
                || !effectiveRefundDeadline.equals(event.effectiveRefundDeadline()) || prices != null;
        Long performerId = request.performer() != null
                ? performers.idOfInsertingIfAbsent(request.performer().trim()) : null;
        event.change(request.name() != null ? request.name().trim() : null, performerId,
                request.category() != null ? normalizeCategory(request.category()) : null, startsAt, onSaleAt,
                refundDeadline, prices, clock.instant());
        events.flush();
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
        Event event = lockForUpdate(eventId);
        if (EventSnapshot.CANCELLED.equals(event.state())) {
            throw new EventCancelledException(eventId);
        }
        if (!EventSnapshot.DRAFT.equals(event.state())) {
            return snapshots.find(eventId).orElseThrow();
        }
        event.publish(clock.instant());
        events.flush();
        EventSnapshot published = snapshots.find(eventId).orElseThrow();
        publisher.publishEvent(new EventChanged(published, true));
        meters.counter("catalog.events.changes", "change", "published").increment();
        return published;
    }

    /** Idempotent: cancelling a cancelled event changes nothing. */
    @Transactional
    void cancel(long eventId) {
        Event event = lockForUpdate(eventId);
        if (EventSnapshot.CANCELLED.equals(event.state())) {
            return;
        }
        event.cancel(clock.instant());
        events.flush();
        // a cancellation is an inventory change too: booking must stop selling the event's seats
        publisher.publishEvent(new EventChanged(snapshots.find(eventId).orElseThrow(), true));
        meters.counter("catalog.events.changes", "change", "cancelled").increment();
    }

    /**
     * The row lock first (explicit SQL, so changes of one event serialize), then the aggregate, read after the lock
     * was granted and therefore current. Each change is flushed before its snapshot is read with SQL.
     */
    private Event lockForUpdate(long eventId) {
        if (!locks.lockForUpdate(eventId)) {
            throw new EventNotFoundException(eventId);
        }
        return events.findById(eventId).orElseThrow(() -> new EventNotFoundException(eventId));
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
