package io.surge.ticketing.booking.cancellation;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import io.surge.ticketing.booking.availability.AvailabilityRebuilder;
import io.surge.ticketing.booking.availability.AvailabilityStore;
import io.surge.ticketing.booking.bookings.Booking;
import io.surge.ticketing.booking.bookings.Holds;
import io.surge.ticketing.booking.inventory.EventCancelled;
import io.surge.ticketing.booking.inventory.TicketRepository;
import io.surge.ticketing.booking.outbox.Outbox;
import io.surge.ticketing.contracts.messages.BookingEvent;
import io.surge.ticketing.contracts.messages.RefundRequested;

/**
 * What an event's cancellation does to its bookings, in the transaction that records the cancellation (so exactly
 * once, whatever the redeliveries): every hold ends CANCELLED with its seats released and a BOOKING_CANCELLED event,
 * and every paid booking gets one {@link RefundRequested} on {@code booking.refund-requests} (payment-service refunds
 * it and records the refund here, which makes it REFUNDED). The bitfield and the hold queue follow after the commit.
 * No new hold can slip in meanwhile: the deciders share-lock the event row they decide on, and the cancellation's
 * update of that row waits for them (and they for it).
 */
@Component
class CancellationEffects {

    private static final Logger log = LoggerFactory.getLogger(CancellationEffects.class);

    private final CancellationRepository cancellations;
    private final TicketRepository tickets;
    private final Outbox outbox;
    private final Holds holds;
    private final AvailabilityStore availability;
    private final AvailabilityRebuilder rebuilder;
    private final Clock clock;

    CancellationEffects(CancellationRepository cancellations, TicketRepository tickets, Outbox outbox, Holds holds,
            AvailabilityStore availability, AvailabilityRebuilder rebuilder, Clock clock) {
        this.cancellations = cancellations;
        this.tickets = tickets;
        this.outbox = outbox;
        this.holds = holds;
        this.availability = availability;
        this.rebuilder = rebuilder;
        this.clock = clock;
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void onCancelled(EventCancelled cancelled) {
        long eventId = cancelled.eventId();
        List<Booking> ended = cancellations.cancelHolds(eventId);
        List<UUID> endedIds = ended.stream().map(Booking::bookingId).toList();
        List<Integer> released = tickets.releaseHeld(eventId, endedIds);
        outbox.bookingsChanged(BookingEvent.Type.BOOKING_CANCELLED, ended);

        Instant now = clock.instant();
        List<RefundRequested> refunds = cancellations.paidBookings(eventId).stream()
                .map(paid -> new RefundRequested(paid.bookingId(), eventId, paid.userId(), paid.paymentId(),
                        paid.totalCents(), RefundRequested.EVENT_CANCELLED, now))
                .toList();
        outbox.refundsRequested(refunds);
        log.info("event {} cancelled: {} holds cancelled ({} seats released), {} refunds requested", eventId,
                ended.size(), released.size(), refunds.size());

        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                afterCancellation(eventId, endedIds, released);
            }
        });
    }

    /** Derived state only: a failure here is repaired by the rebuild, the reconciler and the expiry sweep. */
    private void afterCancellation(long eventId, List<UUID> ended, List<Integer> released) {
        try {
            holds.forgetAll(ended);
            if (!availability.set(eventId, released, false)) {
                rebuilder.ensure(eventId);
            }
        } catch (RuntimeException e) {
            log.warn("post-commit effects of the cancellation of event {} failed (derived state, repaired later): {}",
                    eventId, e.toString());
        }
    }
}
