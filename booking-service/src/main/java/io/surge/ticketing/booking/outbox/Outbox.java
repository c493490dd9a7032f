package io.surge.ticketing.booking.outbox;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectMapper;

import io.surge.ticketing.booking.bookings.Booking;
import io.surge.ticketing.contracts.Topics;
import io.surge.ticketing.contracts.messages.BookingEvent;
import io.surge.ticketing.contracts.messages.EventAvailabilityChanged;
import io.surge.ticketing.contracts.messages.MessageJson;
import io.surge.ticketing.contracts.messages.RefundRequested;

/**
 * Writes a booking's state change as an event in the same transaction as the change (never a commit without
 * its event, never an event without its commit). {@link OutboxRelay} publishes them.
 */
@Component
public class Outbox {

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final Clock clock;

    Outbox(JdbcClient jdbc, ObjectMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void bookingChanged(BookingEvent.Type type, Booking booking) {
        jdbc.sql("INSERT INTO outbox (topic, message_key, payload) VALUES (?, ?, ?::jsonb)")
                .param(Topics.BOOKING_EVENTS)
                .param(Long.toString(booking.eventId()))
                .param(payload(type, booking))
                .update();
    }

    /** The events of a batch of reservation decisions (RESERVED or REJECTED bookings), in one statement. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void bookingsDecided(List<Booking> decided) {
        if (decided.isEmpty()) {
            return;
        }
        String[] keys = new String[decided.size()];
        String[] payloads = new String[decided.size()];
        for (int i = 0; i < decided.size(); i++) {
            Booking booking = decided.get(i);
            BookingEvent.Type type = switch (booking.status()) {
                case RESERVED -> BookingEvent.Type.BOOKING_RESERVED;
                case REJECTED -> BookingEvent.Type.BOOKING_REJECTED;
                default -> throw new IllegalArgumentException("not a reservation decision: " + booking.status());
            };
            keys[i] = Long.toString(booking.eventId());
            payloads[i] = payload(type, booking);
        }
        jdbc.sql("INSERT INTO outbox (topic, message_key, payload) "
                        + "SELECT ?, k, p::jsonb FROM unnest(?::text[], ?::text[]) AS e(k, p)")
                .param(Topics.BOOKING_EVENTS).param(keys).param(payloads)
                .update();
    }

    /** The same change of many bookings (an event's cancellation ending its holds), in one statement. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void bookingsChanged(BookingEvent.Type type, List<Booking> changed) {
        if (changed.isEmpty()) {
            return;
        }
        insert(Topics.BOOKING_EVENTS, changed.stream().map(b -> Long.toString(b.eventId())).toList(),
                changed.stream().map(b -> payload(type, b)).toList());
    }

    /** Refunds payment-service is to make (one per paid booking of a cancelled event), keyed by booking id. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void refundsRequested(List<RefundRequested> requests) {
        if (requests.isEmpty()) {
            return;
        }
        insert(Topics.BOOKING_REFUND_REQUESTS, requests.stream().map(r -> r.bookingId().toString()).toList(),
                requests.stream().map(Outbox::message).toList());
    }

    /** Whether an event is sold out, on the compacted availability topic keyed by event id. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void availabilityChanged(EventAvailabilityChanged availability) {
        insert(Topics.BOOKING_EVENT_AVAILABILITY, List.of(Long.toString(availability.eventId())),
                List.of(message(availability)));
    }

    private void insert(String topic, List<String> keys, List<String> payloads) {
        jdbc.sql("INSERT INTO outbox (topic, message_key, payload) "
                        + "SELECT ?, k, p::jsonb FROM unnest(?::text[], ?::text[]) WITH ORDINALITY AS e(k, p, n) ORDER BY n")
                .param(topic).param(keys.toArray(String[]::new)).param(payloads.toArray(String[]::new))
                .update();
    }

    private static String message(Object message) {
        try {
            return MessageJson.mapper().writeValueAsString(message);
        } catch (JacksonException e) {
            throw new IllegalStateException(e);
        }
    }

    private String payload(BookingEvent.Type type, Booking booking) {
        BookingEvent event = new BookingEvent(UUID.randomUUID(), type, booking.bookingId(), booking.eventId(),
                booking.userId(), booking.status().name(), booking.ticketIds(), booking.totalCents(),
                booking.expiresAt(), booking.reason(), clock.instant());
        try {
            return json.writeValueAsString(event);
        } catch (JacksonException e) {
            throw new IllegalStateException(e);
        }
    }
}
