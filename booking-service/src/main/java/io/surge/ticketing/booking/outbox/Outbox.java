package io.surge.ticketing.booking.outbox;

import java.time.Clock;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import io.surge.ticketing.bookingstore.outbox.BookingEventOutbox;
import io.surge.ticketing.bookingstore.outbox.BookingSnapshot;
import io.surge.ticketing.contracts.messages.BookingEvent;
import io.surge.ticketing.contracts.messages.EventAvailabilityChanged;
import io.surge.ticketing.contracts.messages.RefundRequested;

/**
 * Writes a booking's state change as an event in the same transaction as the change (never a commit without
 * its event, never an event without its commit), through booking-store's {@link BookingEventOutbox}, the writer the
 * cleanup worker's hold expiry uses too. {@link OutboxRelay} publishes them.
 */
@Component
public class Outbox {

    private final BookingEventOutbox events;

    Outbox(JdbcClient jdbc, Clock clock) {
        this.events = new BookingEventOutbox(jdbc, clock);
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void bookingChanged(BookingEvent.Type type, BookingSnapshot booking) {
        events.bookingChanged(type, booking);
    }

    /** The events of a batch of reservation decisions (RESERVED or REJECTED bookings), in one statement. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void bookingsDecided(List<? extends BookingSnapshot> decided) {
        events.bookingsChanged(decided, Outbox::decision);
    }

    /** The same change of many bookings (an event's cancellation ending its holds), in one statement. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void bookingsChanged(BookingEvent.Type type, List<? extends BookingSnapshot> changed) {
        events.bookingsChanged(type, changed);
    }

    /** Refunds payment-service is to make (one per paid booking of a cancelled event), keyed by booking id. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void refundsRequested(List<RefundRequested> requests) {
        events.refundsRequested(requests);
    }

    /** Whether an event is sold out, on the compacted availability topic keyed by event id. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void availabilityChanged(EventAvailabilityChanged availability) {
        events.availabilityChanged(availability);
    }

    private static BookingEvent.Type decision(BookingSnapshot booking) {
        return switch (booking.statusName()) {
            case "RESERVED" -> BookingEvent.Type.BOOKING_RESERVED;
            case "REJECTED" -> BookingEvent.Type.BOOKING_REJECTED;
            default -> throw new IllegalArgumentException("not a reservation decision: " + booking.statusName());
        };
    }
}
