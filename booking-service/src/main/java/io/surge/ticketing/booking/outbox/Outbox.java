package io.surge.ticketing.booking.outbox;

import java.time.Clock;
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
        BookingEvent event = new BookingEvent(UUID.randomUUID(), type, booking.bookingId(), booking.eventId(),
                booking.userId(), booking.status().name(), booking.ticketIds(), booking.totalCents(),
                booking.expiresAt(), booking.reason(), clock.instant());
        try {
            jdbc.sql("INSERT INTO outbox (topic, message_key, payload) VALUES (?, ?, ?::jsonb)")
                    .param(Topics.BOOKING_EVENTS)
                    .param(Long.toString(booking.eventId()))
                    .param(json.writeValueAsString(event))
                    .update();
        } catch (JacksonException e) {
            throw new IllegalStateException(e);
        }
    }
}
