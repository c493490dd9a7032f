package io.surge.ticketing.booking.reserve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.kafka.core.KafkaTemplate;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.surge.ticketing.booking.BookingPropertiesFixture;
import io.surge.ticketing.booking.admission.AdmissionCheck;
import io.surge.ticketing.booking.bookings.BookingRepository;
import io.surge.ticketing.booking.bookings.LiveTickets;
import io.surge.ticketing.booking.bookings.PendingMarkers;
import io.surge.ticketing.booking.inventory.EventFacts;
import io.surge.ticketing.booking.inventory.EventFactsCache;
import io.surge.ticketing.contracts.ErrorCode;
import io.surge.ticketing.contracts.Topics;
import io.surge.ticketing.contracts.redis.BookingRedisKeys;
import io.surge.ticketing.platform.web.DomainException;

/** The reserve API's early refusals, before anything is buffered. */
class ReserveUseCaseUnitTests {

    private static final long EVENT = 7;
    private static final int LIMIT = 4;

    private final EventFactsCache events = mock(EventFactsCache.class);
    private final LiveTickets liveTickets = mock(LiveTickets.class);
    private final PendingDecisions pending = mock(PendingDecisions.class);
    private final PendingMarkers markers = mock(PendingMarkers.class);
    private final BookingRepository bookings = mock(BookingRepository.class);
    @SuppressWarnings("unchecked")
    private final KafkaTemplate<String, String> kafka = mock(KafkaTemplate.class);
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final ReservationReply reply = mock(ReservationReply.class);
    private final SteppedClock clock = new SteppedClock(Instant.parse("2026-12-01T12:00:00Z"));
    private final ReserveUseCase buffer = new ReserveUseCase(BookingPropertiesFixture.defaults(),
            mock(AdmissionCheck.class), events, mock(BacklogMonitor.class), pending, markers, bookings, kafka,
            mock(CommandRouting.class), mock(SoldOutSections.class), liveTickets, meters, clock);

    @BeforeEach
    void anEventOnSaleWithALimitOfFour() {
        when(events.find(EVENT)).thenReturn(Optional.of(
                new EventFacts(EVENT, 100, Instant.parse("2026-12-01T10:00:00Z"), 600, LIMIT, false, java.util.Set.of(1L))));
        when(kafka.send(eq(Topics.BOOKING_COMMANDS), any(), anyString(), anyString()))
                .thenReturn(new CompletableFuture<>());
    }

    @AfterEach
    void stopTimers() {
        buffer.destroy();
    }

    @Test
    void aFanWhoAlreadyHoldsTheLimitIsRefused409AndNothingIsBuffered() {
        when(liveTickets.find(EVENT, "u-full")).thenReturn(OptionalInt.of(LIMIT));

        assertThatThrownBy(() -> buffer.submit("u-full", "admission", null, new ReserveRequest(EVENT, null, 1L, 1), reply))
                .isInstanceOfSatisfying(DomainException.class, refusal -> {
                    assertThat(refusal.status()).isEqualTo(HttpStatus.CONFLICT);
                    assertThat(refusal.code()).isEqualTo(ErrorCode.TICKET_LIMIT_EXCEEDED);
                    assertThat(refusal.properties()).containsEntry("max_tickets_per_user", LIMIT);
                });

        verify(kafka, never()).send(anyString(), any(), anyString(), anyString());
        verifyNoInteractions(kafka, markers, pending, bookings);
        assertThat(meters.counter("booking.reservations.limit_refused").count()).isEqualTo(1);
    }

    /** A made-up section would cost a buffered command and a REJECTED booking row: refused at the door instead. */
    @Test
    void aSectionTheEventDoesNotHaveIsRefused400AndNothingIsBuffered() {
        assertThatThrownBy(() -> buffer.submit("u-lost", "admission", null,
                new ReserveRequest(EVENT, null, 9_223_372_036_854_775_807L, 1), reply))
                .isInstanceOfSatisfying(DomainException.class, refusal -> {
                    assertThat(refusal.status()).isEqualTo(HttpStatus.BAD_REQUEST);
                    assertThat(refusal.code()).isEqualTo(ErrorCode.VALIDATION_FAILED);
                });

        verifyNoInteractions(kafka, markers, pending, bookings);
    }

    @Test
    void aRequestThatWouldTakeTheFanPastTheLimitIsRefusedToo() {
        when(liveTickets.find(EVENT, "u-three")).thenReturn(OptionalInt.of(3));
        long ticket = EVENT * 1_000_000 + 10;

        assertThatThrownBy(() -> buffer.submit("u-three", "admission", null,
                new ReserveRequest(EVENT, List.of(ticket, ticket + 1), null, null), reply))
                .isInstanceOfSatisfying(DomainException.class,
                        refusal -> assertThat(refusal.code()).isEqualTo(ErrorCode.TICKET_LIMIT_EXCEEDED));

        verifyNoInteractions(kafka);
    }

    @Test
    void aFanUnderTheLimitOrNotCountedYetIsBufferedForTheDecider() {
        when(liveTickets.find(EVENT, "u-three")).thenReturn(OptionalInt.of(3));
        when(liveTickets.find(EVENT, "u-new")).thenReturn(OptionalInt.empty());

        buffer.submit("u-three", "admission", null, new ReserveRequest(EVENT, null, 1L, 1), reply);
        buffer.submit("u-new", "admission", null, new ReserveRequest(EVENT, null, 1L, LIMIT), reply);

        verify(kafka, org.mockito.Mockito.times(2)).send(eq(Topics.BOOKING_COMMANDS), any(), eq("7"), anyString());
    }

    /**
     * With Kafka down the producer gives up on its metadata wait and {@code send} throws instead of failing its
     * future: the fan is answered 503 and nothing may stay behind. A pending marker left in Redis would answer
     * PENDING for a booking that no command will ever decide (seen in the chaos run after a Kafka kill).
     */
    @Test
    void whenKafkaRefusesTheCommandOutrightTheFanGets503AndNoPendingMarkerStaysBehind() {
        when(liveTickets.find(EVENT, "u-kafka-down")).thenReturn(OptionalInt.empty());
        when(kafka.send(eq(Topics.BOOKING_COMMANDS), any(), anyString(), anyString()))
                .thenThrow(new org.springframework.kafka.KafkaException("Send failed"));

        assertThatThrownBy(() -> buffer.submit("u-kafka-down", "admission", "key-1", new ReserveRequest(EVENT, null, 1L, 1), reply))
                .isInstanceOfSatisfying(DomainException.class, refusal -> {
                    assertThat(refusal.status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
                    assertThat(refusal.code()).isEqualTo(ErrorCode.SERVICE_UNAVAILABLE);
                    assertThat(refusal.properties()).containsEntry("retry_after_seconds", 2);
                });

        java.util.UUID bookingId = ReserveRules.bookingId("u-kafka-down", "key-1");
        verify(markers).mark(eq(bookingId), eq("u-kafka-down"), eq(EVENT));
        verify(markers, org.mockito.Mockito.timeout(2_000)).clear(bookingId);
        verify(pending).forget(bookingId);
    }

    /**
     * The marker written before the append is short-lived; only Kafka's acknowledgement gives it its full lifetime.
     * An instance killed in between (seen in the replicas' failover surge: eight bookings read PENDING for ever)
     * leaves a marker that is gone within seconds, and the fan, who got no 202, retries.
     */
    @Test
    void onlyAnAcknowledgedCommandsMarkerLivesItsFullLifetime() {
        when(liveTickets.find(EVENT, "u-acked")).thenReturn(OptionalInt.empty());
        CompletableFuture<org.springframework.kafka.support.SendResult<String, String>> ack = new CompletableFuture<>();
        when(kafka.send(eq(Topics.BOOKING_COMMANDS), any(), anyString(), anyString())).thenReturn(ack);
        java.util.UUID bookingId = ReserveRules.bookingId("u-acked", "key-2");

        buffer.submit("u-acked", "admission", "key-2", new ReserveRequest(EVENT, null, 1L, 1), reply);
        verify(markers).mark(bookingId, "u-acked", EVENT);
        verify(markers, org.mockito.Mockito.after(300).never()).accepted(any(), anyString(), org.mockito.ArgumentMatchers.anyLong());

        when(markers.accepted(bookingId, "u-acked", EVENT)).thenReturn(true);
        ack.complete(null);
        verify(markers, org.mockito.Mockito.timeout(2_000)).accepted(bookingId, "u-acked", EVENT);
        verify(markers, org.mockito.Mockito.after(300).never()).restore(any(), anyString(), org.mockito.ArgumentMatchers.anyLong());
    }

    @Test
    void anAcknowledgementThatOutlivedTheShortMarkerWritesItAgainUnlessTheBookingWasDecided() {
        when(liveTickets.find(eq(EVENT), anyString())).thenReturn(OptionalInt.empty());
        when(kafka.send(eq(Topics.BOOKING_COMMANDS), any(), anyString(), anyString()))
                .thenReturn(CompletableFuture.completedFuture(null));
        java.util.UUID slow = ReserveRules.bookingId("u-slow", "key-3");
        java.util.UUID decided = ReserveRules.bookingId("u-fast", "key-4");
        // both acknowledgements come after the short marker's lifetime: it is gone, and only the booking row can say why
        when(markers.accepted(any(), anyString(), org.mockito.ArgumentMatchers.anyLong())).thenAnswer(call -> {
            clock.advance(BookingRedisKeys.PENDING_UNACKNOWLEDGED_TTL.plusSeconds(1));
            return false;
        });
        when(bookings.find(slow)).thenReturn(java.util.Optional.empty());
        when(bookings.find(decided)).thenReturn(java.util.Optional.empty(),
                java.util.Optional.of(org.mockito.Mockito.mock(io.surge.ticketing.booking.bookings.Booking.class)));

        buffer.submit("u-slow", "admission", "key-3", new ReserveRequest(EVENT, null, 1L, 1), reply);
        buffer.submit("u-fast", "admission", "key-4", new ReserveRequest(EVENT, null, 1L, 1), reply);

        verify(markers, org.mockito.Mockito.timeout(2_000)).restore(slow, "u-slow", EVENT);
        verify(markers, org.mockito.Mockito.after(300).never()).restore(eq(decided), anyString(),
                org.mockito.ArgumentMatchers.anyLong());
    }

    @Test
    void aMarkerGoneBeforeItsShortLifetimeEndedWasDeletedByTheDecisionAndCostsNoLookup() {
        when(liveTickets.find(eq(EVENT), anyString())).thenReturn(OptionalInt.empty());
        when(kafka.send(eq(Topics.BOOKING_COMMANDS), any(), anyString(), anyString()))
                .thenReturn(CompletableFuture.completedFuture(null));
        java.util.UUID decided = ReserveRules.bookingId("u-fast", "key-5");
        when(markers.accepted(any(), anyString(), org.mockito.ArgumentMatchers.anyLong())).thenAnswer(call -> {
            clock.advance(java.time.Duration.ofMillis(40));
            return false;
        });

        buffer.submit("u-fast", "admission", "key-5", new ReserveRequest(EVENT, null, 1L, 1), reply);

        verify(markers, org.mockito.Mockito.timeout(2_000)).accepted(decided, "u-fast", EVENT);
        // the one lookup is the Idempotency-Key's, at the door; the acknowledgement adds none
        verify(bookings, org.mockito.Mockito.after(300).times(1)).find(decided);
        verify(markers, never()).restore(eq(decided), anyString(), org.mockito.ArgumentMatchers.anyLong());
    }

    /** A clock the test moves on; the use case reads it on its own timer thread. */
    private static final class SteppedClock extends Clock {
        private final java.util.concurrent.atomic.AtomicReference<Instant> now;

        SteppedClock(Instant start) {
            this.now = new java.util.concurrent.atomic.AtomicReference<>(start);
        }

        void advance(java.time.Duration by) {
            now.updateAndGet(t -> t.plus(by));
        }

        @Override
        public Instant instant() {
            return now.get();
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
