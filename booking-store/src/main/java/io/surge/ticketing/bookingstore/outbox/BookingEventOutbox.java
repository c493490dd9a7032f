package io.surge.ticketing.bookingstore.outbox;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import tools.jackson.core.JacksonException;

import io.surge.ticketing.contracts.Topics;
import io.surge.ticketing.contracts.messages.BookingEvent;
import io.surge.ticketing.contracts.messages.EventAvailabilityChanged;
import io.surge.ticketing.contracts.messages.MessageJson;
import io.surge.ticketing.contracts.messages.RefundRequested;

/**
 * The one writer of the booking database's {@code outbox} table, for booking-service and cleanup-worker alike:
 * each message is written in the caller's transaction, the one that makes the change it announces (never a commit
 * without its event, never an event without its commit); booking-service's relay publishes the rows. Payloads are
 * always {@link MessageJson}, whichever process writes them. Every method writes its batch in one statement.
 */
public class BookingEventOutbox {

    private static final String APPEND = "INSERT INTO outbox (topic, message_key, payload) "
            + "SELECT ?, k, p::jsonb FROM unnest(?::text[], ?::text[]) AS e(k, p)";
    private static final String APPEND_IN_ORDER = "INSERT INTO outbox (topic, message_key, payload) "
            + "SELECT ?, k, p::jsonb FROM unnest(?::text[], ?::text[]) WITH ORDINALITY AS e(k, p, n) ORDER BY n";

    private final JdbcClient jdbc;
    private final Clock clock;

    public BookingEventOutbox(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** One booking's change on {@code booking.events}, keyed by event id. */
    public void bookingChanged(BookingEvent.Type type, BookingSnapshot booking) {
        requireTransaction();
        jdbc.sql("INSERT INTO outbox (topic, message_key, payload) VALUES (?, ?, ?::jsonb)")
                .param(Topics.BOOKING_EVENTS)
                .param(Long.toString(booking.eventId()))
                .param(json(event(type, booking, clock.instant())))
                .update();
    }

    /**
     * Changes of many bookings, each of its own type (a batch of reservation decisions): one row each, in one
     * statement. The bookings are distinct, so their rows' order among themselves does not matter.
     */
    public void bookingsChanged(List<? extends BookingSnapshot> changed,
            Function<? super BookingSnapshot, BookingEvent.Type> typeOf) {
        if (changed.isEmpty()) {
            return;
        }
        requireTransaction();
        Instant now = clock.instant();
        String[] keys = new String[changed.size()];
        String[] payloads = new String[changed.size()];
        for (int i = 0; i < changed.size(); i++) {
            BookingSnapshot booking = changed.get(i);
            keys[i] = Long.toString(booking.eventId());
            payloads[i] = json(event(typeOf.apply(booking), booking, now));
        }
        jdbc.sql(APPEND).param(Topics.BOOKING_EVENTS).param(keys).param(payloads).update();
    }

    /** The same change of many bookings (holds expired, an event's cancellation ending its holds), in order. */
    public void bookingsChanged(BookingEvent.Type type, List<? extends BookingSnapshot> changed) {
        if (changed.isEmpty()) {
            return;
        }
        requireTransaction();
        Instant now = clock.instant();
        String[] keys = new String[changed.size()];
        String[] payloads = new String[changed.size()];
        for (int i = 0; i < changed.size(); i++) {
            keys[i] = Long.toString(changed.get(i).eventId());
            payloads[i] = json(event(type, changed.get(i), now));
        }
        jdbc.sql(APPEND_IN_ORDER).param(Topics.BOOKING_EVENTS).param(keys).param(payloads).update();
    }

    /** Refunds payment-service is to make (one per paid booking of a cancelled event), keyed by booking id. */
    public void refundsRequested(List<RefundRequested> requests) {
        if (requests.isEmpty()) {
            return;
        }
        requireTransaction();
        String[] keys = new String[requests.size()];
        String[] payloads = new String[requests.size()];
        for (int i = 0; i < requests.size(); i++) {
            keys[i] = requests.get(i).bookingId().toString();
            payloads[i] = json(requests.get(i));
        }
        jdbc.sql(APPEND_IN_ORDER).param(Topics.BOOKING_REFUND_REQUESTS).param(keys).param(payloads).update();
    }

    /** Whether an event is sold out, on the compacted availability topic keyed by event id. */
    public void availabilityChanged(EventAvailabilityChanged availability) {
        requireTransaction();
        jdbc.sql(APPEND_IN_ORDER).param(Topics.BOOKING_EVENT_AVAILABILITY)
                .param(new String[] {Long.toString(availability.eventId())})
                .param(new String[] {json(availability)})
                .update();
    }

    static BookingEvent event(BookingEvent.Type type, BookingSnapshot booking, Instant at) {
        return new BookingEvent(UUID.randomUUID(), type, booking.bookingId(), booking.eventId(), booking.userId(),
                booking.statusName(), booking.ticketIds(), booking.totalCents(), booking.expiresAt(), booking.reason(),
                at);
    }

    static String json(Object message) {
        try {
            return MessageJson.mapper().writeValueAsString(message);
        } catch (JacksonException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An outbox row outside the change's transaction could commit without it (or it without the row). */
    private static void requireTransaction() {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("outbox rows are written in the transaction of the change they announce");
        }
    }
}
