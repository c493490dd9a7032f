package io.surge.ticketing.booking.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyCollection;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.atMost;
import static org.mockito.Mockito.clearInvocations;
import static org.mockito.Mockito.verify;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

import tools.jackson.databind.JsonNode;

import io.surge.ticketing.contracts.Topics;
import io.surge.ticketing.contracts.admission.AdmissionKeys;
import io.surge.ticketing.contracts.admission.AdmissionToken;
import io.surge.ticketing.contracts.admission.AdmissionTokenCodec;
import io.surge.ticketing.contracts.messages.EventInventoryDefined;
import io.surge.ticketing.contracts.messages.MessageJson;

/**
 * The public paths of booking that take an event id from the URL or the body, over HTTP against the real
 * PostgreSQL and Redis: an event this instance has just defined is answered at once, and a flood of made-up ids is
 * answered 404 from memory without a query per id on booking's primary.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class KnownEventsIntegrationTests {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @MockitoSpyBean
    EventInventoryRepository events;
    @Autowired
    InventoryListener listener;
    @Autowired
    AdmissionKeys admissionKeys;
    @Autowired
    JdbcClient jdbc;
    @Value("${local.server.port}")
    int port;

    @BeforeEach
    void forgetStartUp() {
        clearInvocations(events); // the start-up rebuild of missing bitfields reads events too
    }

    @Test
    void aFreshlyDefinedEventIsAnsweredAtOnceAndAnUnknownOneIsNotFound() throws Exception {
        long eventId = 700_000_000L + ThreadLocalRandom.current().nextLong(99_000_000L);
        EventInventoryDefined inventory = new EventInventoryDefined(eventId, Instant.now().minusSeconds(60), List.of(
                new EventInventoryDefined.Section(1, "A", 0, 2, 5, 5_000)));
        listener.onInventory(new ConsumerRecord<>(Topics.CATALOG_EVENT_INVENTORY, 0, 0L, Long.toString(eventId),
                MessageJson.mapper().writeValueAsString(inventory)));

        HttpResponse<String> known = get("/api/v1/events/" + eventId + "/availability");
        HttpResponse<String> unknown = get("/api/v1/events/" + (eventId + 8_000_000_000L) + "/availability");

        assertThat(known.statusCode()).isEqualTo(200);
        assertThat(json(known).get("seat_count").asInt()).isEqualTo(10);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(json(unknown).get("code").asString()).isEqualTo("EVENT_NOT_FOUND");
    }

    /**
     * Another replica consumed the inventory message (replicas: ./ticketing up --replicas 2): this one answers the
     * event at once, by looking the id it did not know up (within its miss budget), not after its next refresh.
     */
    @Test
    void anEventDefinedByAnotherReplicaIsAnsweredAtOnce() throws Exception {
        long eventId = 700_000_000L + ThreadLocalRandom.current().nextLong(99_000_000L);
        jdbc.sql("INSERT INTO event_inventory (event_id, seat_count, on_sale_at) VALUES (?, 10, now())")
                .param(eventId).update();

        assertThat(get("/api/v1/events/" + eventId + "/availability").statusCode()).isEqualTo(200);
    }

    /** A DRAFT another replica published: answered at once here too, not 404 until the next refresh. */
    @Test
    void aDraftPublishedThroughAnotherReplicaIsAnsweredAtOnce() throws Exception {
        long eventId = 700_000_000L + ThreadLocalRandom.current().nextLong(99_000_000L);
        jdbc.sql("INSERT INTO event_inventory (event_id, seat_count, on_sale_at, published) VALUES (?, 10, now(), false)")
                .param(eventId).update();
        assertThat(get("/api/v1/events/" + eventId + "/availability").statusCode()).isEqualTo(404);

        jdbc.sql("UPDATE event_inventory SET published = true WHERE event_id = ?").param(eventId).update();

        assertThat(get("/api/v1/events/" + eventId + "/availability").statusCode()).isEqualTo(200);
    }

    @Test
    void madeUpEventIdsAreNotFoundWithoutAQueryPerIdOnThePrimary() throws Exception {
        long base = 5_000_000_000_000L + ThreadLocalRandom.current().nextLong(1_000_000_000L);
        long started = System.nanoTime();
        for (int i = 0; i < 1_000; i++) {
            HttpResponse<String> response = get("/api/v1/events/" + (base + i) + "/availability");
            assertThat(response.statusCode()).as("availability of made-up event %d", base + i).isEqualTo(404);
        }
        AdmissionTokenCodec admissions = admissionKeys.codec(Clock.systemUTC());
        for (int i = 1_000; i < 1_200; i++) {
            long eventId = base + i;
            String token = admissions.encode(new AdmissionToken("u-scan", eventId, Instant.now(),
                    Instant.now().plus(Duration.ofMinutes(5)), UUID.randomUUID().toString()));
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(uri("/api/v1/bookings/reserve"))
                    .header("Content-Type", "application/json")
                    .header("X-User-Id", "u-scan")
                    .header("X-Admission-Token", token)
                    .POST(HttpRequest.BodyPublishers.ofString(
                            "{\"event_id\":" + eventId + ",\"section_id\":1,\"quantity\":1}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as("reserve in made-up event %d", eventId).isEqualTo(404);
            assertThat(json(response).get("code").asString()).isEqualTo("EVENT_NOT_FOUND");
        }

        verify(events, atMost(1)).find(anyLong());
        verify(events, atMost(1)).findAll(anyCollection());
        // 1,200 made-up ids: looked up at most 20 per second (the miss budget) and 20 at once, never one per id
        long seconds = Duration.ofNanos(System.nanoTime() - started).toSeconds() + 1;
        verify(events, atMost((int) (20 + 20 * seconds))).publishedOf(anyLong());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static JsonNode json(HttpResponse<String> response) {
        return MessageJson.mapper().readTree(response.body());
    }
}
