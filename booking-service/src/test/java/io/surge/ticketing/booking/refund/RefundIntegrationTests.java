package io.surge.ticketing.booking.refund;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;

import org.springframework.kafka.core.ConsumerFactory;

import io.surge.ticketing.booking.AfterTheSaleIntegrationTest;
import io.surge.ticketing.booking.KafkaProbe;
import io.surge.ticketing.contracts.Topics;
import io.surge.ticketing.booking.availability.AvailabilityStore;
import io.surge.ticketing.booking.bookings.LiveTickets;
import io.surge.ticketing.contracts.messages.TicketIds;

/** The refund transition payment-service asks for, over HTTP against the real PostgreSQL and Redis. */
class RefundIntegrationTests extends AfterTheSaleIntegrationTest {

    private static final java.time.Duration WAIT = java.time.Duration.ofSeconds(15);
    private static final java.time.Duration QUIET = java.time.Duration.ofSeconds(2);

    @Autowired
    AvailabilityStore availability;
    @Autowired
    LiveTickets liveTickets;
    @Autowired
    ConsumerFactory<String, String> consumers;

    @Test
    void aPaidBookingIsRefundedOnceItsSeatsGoBackOnSaleAndABookingRefundedEventIsWritten() throws Exception {
        long eventId = eventOnSale();
        String fan = "u-refund-" + UUID.randomUUID();
        UUID bookingId = paid(eventId, fan, 1, 2);
        assertThat(availability.allTaken(eventId, 0, 2)).isTrue();
        KafkaProbe events = KafkaProbe.open(consumers, Topics.BOOKING_EVENTS);

        HttpResponse<String> refunded = refund(bookingId, "re-" + bookingId, 10_000);

        assertThat(refunded.statusCode()).as(refunded.body()).isEqualTo(200);
        JsonNode view = json(refunded);
        assertThat(view.get("status").asString()).isEqualTo("REFUNDED");
        assertThat(view.get("refund_id").asString()).isEqualTo("re-" + bookingId);
        assertThat(view.get("refunded_cents").asLong()).isEqualTo(10_000);
        assertThat(view.get("user_id").asString()).isEqualTo(fan);
        assertThat(view.get("payment_id").asString()).isEqualTo("pay-" + bookingId);
        assertThat(jdbc.sql("SELECT count(*) FROM tickets WHERE event_id = ? AND status = 'AVAILABLE' AND seat_index < 2")
                .param(eventId).query(Long.class).single()).isEqualTo(2);
        assertThat(availability.read(eventId).bitfield()[0] & 0xC0).as("seats 0 and 1 free in the bitfield").isZero();
        assertThat(liveTickets.find(eventId, fan)).isEmpty();
        try (events) {
            JsonNode event = json(events.await(refunded(bookingId), 1, WAIT).get(0).value());
            assertThat(event.get("status").asString()).isEqualTo("REFUNDED");
            assertThat(event.get("ticket_ids")).hasSize(2);
        }

        // the seats are on sale again: another fan can hold them
        UUID next = holdSeats(eventId, "u-next-" + UUID.randomUUID(), List.of(TicketIds.of(eventId, 0)));
        assertThat(status(next)).isEqualTo("RESERVED");
    }

    @Test
    void refundingAgainAnswersTheFirstRefundAndWritesNothingMore() throws Exception {
        long eventId = eventOnSale();
        UUID bookingId = paid(eventId, "u-refund-" + UUID.randomUUID(), 1, 1);
        try (KafkaProbe events = KafkaProbe.open(consumers, Topics.BOOKING_EVENTS)) {
            refund(bookingId, "re-first", 5_000);

            HttpResponse<String> again = refund(bookingId, "re-second", 5_000);

            assertThat(again.statusCode()).isEqualTo(200);
            assertThat(json(again).get("refund_id").asString()).isEqualTo("re-first");
            events.await(refunded(bookingId), 1, WAIT);
            assertThat(events.collect(refunded(bookingId), QUIET)).hasSize(1);
        }
    }

    @Test
    void fiftyConcurrentRefundsOfOneBookingRecordOne() throws Exception {
        long eventId = eventOnSale();
        UUID bookingId = paid(eventId, "u-refund-" + UUID.randomUUID(), 2, 3);
        KafkaProbe events = KafkaProbe.open(consumers, Topics.BOOKING_EVENTS);
        ExecutorService callers = Executors.newFixedThreadPool(8);
        List<Future<HttpResponse<String>>> answers = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            String refundId = "re-race-" + i;
            answers.add(callers.submit((Callable<HttpResponse<String>>) () -> refund(bookingId, refundId, 9_000)));
        }
        List<String> refundIds = new ArrayList<>();
        for (Future<HttpResponse<String>> answer : answers) {
            assertThat(answer.get().statusCode()).isEqualTo(200);
            refundIds.add(json(answer.get()).get("refund_id").asString());
        }
        callers.shutdown();

        assertThat(refundIds).as("every caller is told the one refund recorded").containsOnly(refundIds.get(0));
        try (events) {
            events.await(refunded(bookingId), 1, WAIT);
            assertThat(events.collect(refunded(bookingId), QUIET)).hasSize(1);
        }
    }

    @Test
    void onlyAPaidBookingCanBeRefunded() throws Exception {
        long eventId = eventOnSale();
        UUID held = hold(eventId, "u-refund-" + UUID.randomUUID(), 1, 1);
        UUID paid = paid(eventId, "u-refund-" + UUID.randomUUID(), 1, 1);

        HttpResponse<String> unpaid = refund(held, "re-1", 0);
        HttpResponse<String> unknown = refund(UUID.randomUUID(), "re-2", 0);
        HttpResponse<String> tooMuch = refund(paid, "re-3", 5_001);
        HttpResponse<String> noId = post("/internal/bookings/" + paid + "/refund", "{\"amount_cents\":100}", Map.of());

        assertThat(unpaid.statusCode()).isEqualTo(409);
        assertThat(json(unpaid).get("code").asString()).isEqualTo("BOOKING_NOT_CONFIRMED");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(json(unknown).get("code").asString()).isEqualTo("BOOKING_NOT_FOUND");
        assertThat(tooMuch.statusCode()).isEqualTo(400);
        assertThat(noId.statusCode()).isEqualTo(400);
        assertThat(status(paid)).isEqualTo("CONFIRMED");
    }

    @Test
    void theInternalViewTellsTheRefundDeadlineAndTheCancellation() throws Exception {
        long eventId = eventOnSale();
        UUID bookingId = paid(eventId, "u-refund-" + UUID.randomUUID(), 1, 1);
        Instant deadline = jdbc.sql("SELECT refund_deadline FROM event_inventory WHERE event_id = ?").param(eventId)
                .query(java.sql.Timestamp.class).single().toInstant();

        JsonNode view = json(get("/internal/bookings/" + bookingId, Map.of()));

        assertThat(view.get("status").asString()).isEqualTo("CONFIRMED");
        assertThat(Instant.parse(view.get("refund_deadline").asString())).isEqualTo(deadline);
        assertThat(view.get("event_cancelled").asBoolean()).isFalse();
        assertThat(view.get("total_cents").asLong()).isEqualTo(5_000);
        assertThat(view.has("refund_id")).isFalse();
    }

    private HttpResponse<String> refund(UUID bookingId, String refundId, long amountCents) throws Exception {
        return post("/internal/bookings/" + bookingId + "/refund",
                "{\"refund_id\":\"" + refundId + "\",\"amount_cents\":" + amountCents + "}", Map.of());
    }

    private static java.util.function.Predicate<org.apache.kafka.clients.consumer.ConsumerRecord<String, String>> refunded(
            UUID bookingId) {
        return record -> record.value().contains(bookingId.toString()) && record.value().contains("BOOKING_REFUNDED");
    }
}
