package io.surge.ticketing.bookingstore.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.surge.ticketing.bookingstore.expiry.ExpiredHold;
import io.surge.ticketing.bookingstore.expiry.HoldExpiry;
import io.surge.ticketing.contracts.messages.BookingEvent;
import io.surge.ticketing.contracts.messages.MessageJson;

/** The event a snapshot becomes, and the refusal to write outside the change's transaction. */
class BookingEventOutboxUnitTests {

    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

    private final JdbcClient jdbc = mock(JdbcClient.class);
    private final BookingEventOutbox outbox = new BookingEventOutbox(jdbc, Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void anExpiredHoldIsAnnouncedAsExpiredWithItsSeatsAndTheReason() throws Exception {
        UUID booking = UUID.randomUUID();
        ExpiredHold hold = new ExpiredHold(booking, 42, "u-1", List.of(42_000_001L, 42_000_002L), 9_000,
                NOW.minusSeconds(5), List.of(1));

        BookingEvent event = MessageJson.mapper().readValue(
                BookingEventOutbox.json(BookingEventOutbox.event(BookingEvent.Type.BOOKING_EXPIRED, hold, NOW)),
                BookingEvent.class);

        assertThat(event.type()).isEqualTo(BookingEvent.Type.BOOKING_EXPIRED);
        assertThat(event.bookingId()).isEqualTo(booking);
        assertThat(event.eventId()).isEqualTo(42);
        assertThat(event.userId()).isEqualTo("u-1");
        assertThat(event.status()).isEqualTo("EXPIRED");
        assertThat(event.reason()).isEqualTo("HOLD_EXPIRED");
        assertThat(event.ticketIds()).containsExactly(42_000_001L, 42_000_002L);
        assertThat(event.totalCents()).isEqualTo(9_000);
        assertThat(event.expiresAt()).isEqualTo(NOW.minusSeconds(5));
        assertThat(event.occurredAt()).isEqualTo(NOW);
        assertThat(event.messageId()).isNotNull();
    }

    @Test
    void theWireFormIsSnakeCaseAndKeepsNulls() {
        BookingSnapshot noExpiry = new Rejection(UUID.randomUUID(), 42, "u-1", "REJECTED", List.of(), 0, null, null);

        String json = BookingEventOutbox.json(BookingEventOutbox.event(BookingEvent.Type.BOOKING_REJECTED, noExpiry, NOW));

        assertThat(json).contains("\"booking_id\"", "\"event_id\":42", "\"status\":\"REJECTED\"", "\"expires_at\":null",
                "\"occurred_at\":\"2026-12-01T12:00:00Z\"");
    }

    @Test
    void nothingIsWrittenOutsideATransaction() {
        ExpiredHold hold = new ExpiredHold(UUID.randomUUID(), 42, "u-1", List.of(), 0, NOW, List.of());

        assertThatThrownBy(() -> outbox.bookingChanged(BookingEvent.Type.BOOKING_EXPIRED, hold))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> outbox.bookingsChanged(BookingEvent.Type.BOOKING_EXPIRED, List.of(hold)))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new HoldExpiry(jdbc, outbox).release(List.of(hold.bookingId())))
                .isInstanceOf(IllegalStateException.class);
        verifyNoInteractions(jdbc);
    }

    /** A decided rejection as booking-service's rows look to the outbox: no hold, so no expiry. */
    private record Rejection(UUID bookingId, long eventId, String userId, String statusName, List<Long> ticketIds,
            long totalCents, Instant expiresAt, String reason) implements BookingSnapshot {
    }
}
