package io.surge.ticketing.booking.cancellation;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.ConsumerFactory;

import tools.jackson.databind.JsonNode;

import io.surge.ticketing.booking.AfterTheSaleIntegrationTest;
import io.surge.ticketing.booking.KafkaProbe;
import io.surge.ticketing.booking.availability.AvailabilityStore;
import io.surge.ticketing.contracts.Topics;
import io.surge.ticketing.contracts.messages.TicketIds;

/** An event's cancellation as the catalog's inventory message announces it, against the real PostgreSQL and Redis. */
class EventCancellationIntegrationTests extends AfterTheSaleIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(15);

    @Autowired
    ConsumerFactory<String, String> consumers;
    @Autowired
    AvailabilityStore availability;

    @Test
    void holdsAreCancelledAndEveryPaidBookingIsToBeRefundedOnceWhateverTheRedeliveries() throws Exception {
        long eventId = eventOnSale();
        UUID paidA = paid(eventId, "u-cancel-a-" + UUID.randomUUID(), 1, 2);
        UUID paidB = paid(eventId, "u-cancel-b-" + UUID.randomUUID(), 2, 1);
        UUID held = hold(eventId, "u-cancel-c-" + UUID.randomUUID(), 1, 3);
        assertThat(availability.allTaken(eventId, 2, 3)).isTrue();

        try (KafkaProbe refunds = KafkaProbe.open(consumers, Topics.BOOKING_REFUND_REQUESTS);
                KafkaProbe events = KafkaProbe.open(consumers, Topics.BOOKING_EVENTS)) {
            var cancelled = inventory(eventId, 5_000, 3_000, true, true, Instant.now().plus(Duration.ofHours(1)));
            loader.load(cancelled);
            loader.load(cancelled); // redelivered
            loader.load(cancelled);

            assertThat(status(held)).isEqualTo("CANCELLED");
            assertThat(jdbc.sql("SELECT reason FROM bookings WHERE booking_id = ?").param(held).query(String.class).single())
                    .isEqualTo("EVENT_CANCELLED");
            assertThat(status(paidA)).isEqualTo("CONFIRMED");
            assertThat(jdbc.sql("SELECT count(*) FROM tickets WHERE event_id = ? AND status = 'HELD'").param(eventId)
                    .query(Long.class).single()).isZero();
            assertThat(availability.allTaken(eventId, 3, 1)).as("the hold's seats are free in the bitfield").isFalse();

            List<ConsumerRecord<String, String>> requested = refunds.await(ofEvent(eventId), 2, WAIT);
            Set<String> keys = requested.stream().map(ConsumerRecord::key).collect(Collectors.toSet());
            assertThat(keys).containsExactlyInAnyOrder(paidA.toString(), paidB.toString());
            JsonNode request = json(requested.stream().filter(r -> r.key().equals(paidA.toString())).findFirst()
                    .orElseThrow().value());
            assertThat(request.get("amount_cents").asLong()).isEqualTo(10_000);
            assertThat(request.get("payment_id").asString()).isEqualTo("pay-" + paidA);
            assertThat(request.get("reason").asString()).isEqualTo("EVENT_CANCELLED");
            assertThat(request.get("event_id").asLong()).isEqualTo(eventId);
            events.await(r -> r.value().contains(held.toString()) && r.value().contains("BOOKING_CANCELLED"), 1, WAIT);

            assertThat(refunds.collect(ofEvent(eventId), Duration.ofSeconds(3))).as("nothing twice").hasSize(2);
        }
    }

    @Test
    void reservationsOfACancelledEventAreRefusedAtTheDoorAndByTheDecider() throws Exception {
        long eventId = eventOnSale();
        loader.load(inventory(eventId, 5_000, 3_000, true, true, Instant.now().plus(Duration.ofHours(1))));
        String fan = "u-cancel-" + UUID.randomUUID();

        HttpResponse<String> door = post("/api/v1/bookings/reserve",
                "{\"event_id\":" + eventId + ",\"section_id\":1,\"quantity\":1}", admitted(fan, eventId));
        UUID decided = holdSeats(eventId, fan, List.of(TicketIds.of(eventId, 0)));

        assertThat(door.statusCode()).isEqualTo(409);
        assertThat(json(door).get("code").asString()).isEqualTo("EVENT_CANCELLED");
        assertThat(status(decided)).isEqualTo("REJECTED");
        assertThat(jdbc.sql("SELECT reason FROM bookings WHERE booking_id = ?").param(decided).query(String.class).single())
                .isEqualTo("EVENT_CANCELLED");
    }

    @Test
    void aHoldOfACancelledEventCanNoLongerBePaid() throws Exception {
        long eventId = eventOnSale();
        UUID held = hold(eventId, "u-cancel-" + UUID.randomUUID(), 1, 1);
        loader.load(inventory(eventId, 5_000, 3_000, true, true, Instant.now().plus(Duration.ofHours(1))));

        HttpResponse<String> confirm = post("/internal/bookings/" + held + "/confirm", "{\"payment_id\":\"pay-late\"}",
                java.util.Map.of());

        assertThat(confirm.statusCode()).isEqualTo(409);
        assertThat(status(held)).isEqualTo("CANCELLED");
        assertThat(json(get("/internal/bookings/" + held, java.util.Map.of())).get("event_cancelled").asBoolean()).isTrue();
    }

    private static java.util.function.Predicate<ConsumerRecord<String, String>> ofEvent(long eventId) {
        return record -> json(record.value()).get("event_id").asLong() == eventId;
    }
}
