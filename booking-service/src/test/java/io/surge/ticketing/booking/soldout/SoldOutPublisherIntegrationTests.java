package io.surge.ticketing.booking.soldout;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.JsonNode;

import io.surge.ticketing.booking.AfterTheSaleIntegrationTest;
import io.surge.ticketing.booking.KafkaProbe;
import io.surge.ticketing.contracts.Topics;
import io.surge.ticketing.contracts.redis.BookingRedisKeys;

/** The sold-out announcements on booking.event-availability, against the real PostgreSQL, Redis and Kafka. */
class SoldOutPublisherIntegrationTests extends AfterTheSaleIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(15);

    @Autowired
    SoldOutPublisher publisher;
    @Autowired
    AvailabilityAnnouncements announcements;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    ConsumerFactory<String, String> consumers;
    @Autowired
    StringRedisTemplate redis;

    @Test
    void soldOutIsAnnouncedWhenItFlipsBothWaysAndNotRepeatedInBetween() throws Exception {
        // The probe reads from before the event exists: the stack's own booking-service announces live events too
        // (whichever replica leads a round), possibly before this test's first round.
        try (KafkaProbe topic = KafkaProbe.open(consumers, Topics.BOOKING_EVENT_AVAILABILITY)) {
            long eventId = eventOnSale();
            jdbc.sql("INSERT INTO sale_settings (event_id, hold_seconds, max_tickets_per_user) VALUES (?, 600, 10)")
                    .param(eventId).update();
            round();
            JsonNode open = json(topic.await(of(eventId), 1, WAIT).get(0).value());
            assertThat(open.get("sold_out").asBoolean()).isFalse();
            assertThat(open.get("available").asInt()).isEqualTo(22);
            assertThat(open.get("seat_count").asInt()).isEqualTo(22);

            String fan = "u-soldout-" + UUID.randomUUID();
            UUID lastHold = null;
            for (int[] part : new int[][] {{1, 10}, {2, 10}, {2, 2}}) {
                lastHold = hold(eventId, fan + part[1] + part[0], part[0], part[1]);
                assertThat(status(lastHold)).isEqualTo("RESERVED");
            }
            round();
            round(); // nothing flipped since: nothing more
            List<ConsumerRecord<String, String>> soldOut = topic.await(of(eventId), 2, WAIT);
            JsonNode last = json(soldOut.get(1).value());
            assertThat(last.get("sold_out").asBoolean()).isTrue();
            assertThat(last.get("available").asInt()).isZero();
            assertThat(soldOut.get(1).key()).isEqualTo(Long.toString(eventId));

            HttpResponse<String> released = HTTP.send(HttpRequest.newBuilder(uri("/api/v1/bookings/" + lastHold))
                    .header("X-User-Id", fan + "22").header("X-Admission-Token", admitted(fan + "22", eventId)
                            .get("X-Admission-Token")).DELETE().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(released.statusCode()).as(released.body()).isEqualTo(200);
            round();
            List<ConsumerRecord<String, String>> reopened = topic.await(of(eventId), 3, WAIT);
            assertThat(json(reopened.get(2).value()).get("sold_out").asBoolean()).isFalse();
            assertThat(json(reopened.get(2).value()).get("available").asInt()).isEqualTo(2);
            assertThat(topic.collect(of(eventId), Duration.ofSeconds(2))).hasSize(3);
        }
    }

    @Test
    void anUnchangedStateIsAnnouncedAgainOnceTheLastOneIsOldAndCountedInPostgresWithoutABitfield() throws Exception {
        long eventId = eventOnSale();
        hold(eventId, "u-soldout-" + UUID.randomUUID(), 1, 3);
        round();
        // opened before the announcement is made old: the stack's own booking-service may renew it first
        try (KafkaProbe topic = KafkaProbe.open(consumers, Topics.BOOKING_EVENT_AVAILABILITY)) {
            jdbc.sql("UPDATE availability_announcements SET announced_at = now() - interval '31 seconds' WHERE event_id = ?")
                    .param(eventId).update();
            redis.delete(BookingRedisKeys.availability(eventId));
            round();

            JsonNode again = json(topic.await(of(eventId), 1, WAIT).get(0).value());
            assertThat(again.get("sold_out").asBoolean()).isFalse();
            assertThat(again.get("available").asInt()).isEqualTo(19);
        }
    }

    @Test
    void oneReplicaAnnouncesARoundTheOthersSkipIt() throws Exception {
        CountDownLatch leading = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(1);
        ExecutorService other = Executors.newSingleThreadExecutor();
        Future<Boolean> otherLeads = other.submit(() -> transactions.execute(status -> {
            boolean lead = announcements.lead();
            leading.countDown();
            try {
                done.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return lead;
        }));
        leading.await();
        try {
            assertThat(round()).as("another replica holds this round").isZero();
        } finally {
            done.countDown();
        }
        assertThat(otherLeads.get()).isTrue();
        other.shutdown();
    }

    private int round() {
        return transactions.execute(status -> publisher.round());
    }

    private static java.util.function.Predicate<ConsumerRecord<String, String>> of(long eventId) {
        return record -> Long.toString(eventId).equals(record.key());
    }

}
