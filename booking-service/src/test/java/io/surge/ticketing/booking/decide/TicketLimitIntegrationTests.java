package io.surge.ticketing.booking.decide;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import tools.jackson.databind.JsonNode;

import io.surge.ticketing.booking.bookings.LiveTickets;
import io.surge.ticketing.booking.inventory.InventoryLoader;
import io.surge.ticketing.contracts.Topics;
import io.surge.ticketing.contracts.admission.AdmissionKeys;
import io.surge.ticketing.contracts.admission.AdmissionToken;
import io.surge.ticketing.contracts.admission.AdmissionTokenCodec;
import io.surge.ticketing.contracts.messages.EventInventoryDefined;
import io.surge.ticketing.contracts.messages.MessageJson;
import io.surge.ticketing.contracts.messages.ReserveCommand;

/**
 * The per-fan ticket limit at the door, over HTTP against the real PostgreSQL and Redis: the fan's holds are decided
 * by the real listener path (decide, commit, post-commit effects), exactly as the Kafka consumer runs it, without
 * joining the shared consumer group.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class TicketLimitIntegrationTests {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final int LIMIT = 2;

    @Autowired
    ReserveCommandListener commands;
    @Autowired
    InventoryLoader loader;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    AdmissionKeys admissionKeys;
    @Autowired
    LiveTickets liveTickets;
    @Autowired
    StringRedisTemplate redis;
    @Value("${local.server.port}")
    int port;

    long eventId;
    String fan;

    @BeforeEach
    void eventWithALimitOfTwo() {
        eventId = 600_000_000L + ThreadLocalRandom.current().nextLong(99_000_000L);
        fan = "u-limit-" + UUID.randomUUID();
        loader.load(new EventInventoryDefined(eventId, Instant.now().minusSeconds(60), List.of(
                new EventInventoryDefined.Section(1, "A", 0, 2, 10, 5_000))));
        jdbc.sql("INSERT INTO sale_settings (event_id, hold_seconds, max_tickets_per_user) VALUES (?, 600, ?)")
                .param(eventId).param(LIMIT).update();
    }

    @Test
    void aFanWhoHoldsTheLimitIsRefusedAtTheDoorWithoutANewBookingRow() throws Exception {
        UUID held = decide(new ReserveCommand(UUID.randomUUID(), eventId, fan, null, 1L, LIMIT, Instant.now()));
        assertThat(bookingsOfTheFan()).isEqualTo(1);

        HttpResponse<String> response = reserve("{\"event_id\":" + eventId + ",\"section_id\":1,\"quantity\":1}");

        assertThat(response.statusCode()).isEqualTo(409);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = MessageJson.mapper().readTree(response.body());
        assertThat(problem.get("code").asString()).isEqualTo("TICKET_LIMIT_EXCEEDED");
        assertThat(problem.get("max_tickets_per_user").asInt()).isEqualTo(LIMIT);
        assertThat(bookingsOfTheFan()).as("no booking row for the refused request").isEqualTo(1);
        assertThat(jdbc.sql("SELECT status FROM bookings WHERE booking_id = ?").param(held).query(String.class).single())
                .isEqualTo("RESERVED");
    }

    @Test
    void aCancellationBringsTheFanUnderTheLimitAtOnce() throws Exception {
        UUID held = decide(new ReserveCommand(UUID.randomUUID(), eventId, fan, null, 1L, LIMIT, Instant.now()));
        assertThat(liveTickets.find(eventId, fan)).hasValue(LIMIT);

        HttpResponse<String> cancelled = HTTP.send(HttpRequest.newBuilder(uri("/api/v1/bookings/" + held))
                .header("X-User-Id", fan)
                .header("X-Admission-Token", admission())
                .DELETE().build(), HttpResponse.BodyHandlers.ofString());

        assertThat(cancelled.statusCode()).isEqualTo(200);
        assertThat(liveTickets.find(eventId, fan)).as("nothing left to refuse the fan with").isEmpty();
    }

    /** Holds expire in the cleanup worker, which tells booking nothing: the count is trusted no longer than the hold. */
    @Test
    void aCountWithAHoldIsTrustedNoLongerThanTheHold() throws Exception {
        jdbc.sql("UPDATE sale_settings SET hold_seconds = 3 WHERE event_id = ?").param(eventId).update();
        decide(new ReserveCommand(UUID.randomUUID(), eventId, fan, null, 1L, LIMIT, Instant.now()));

        assertThat(liveTickets.find(eventId, fan)).hasValue(LIMIT);
        assertThat(redis.getExpire(LiveTickets.key(eventId, fan), TimeUnit.MILLISECONDS)).isBetween(1L, 3_000L);
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10))
                .until(() -> liveTickets.find(eventId, fan).isEmpty());
    }

    /** Decides one command the way the Kafka listener does; returns its booking id once RESERVED. */
    private UUID decide(ReserveCommand command) throws Exception {
        commands.onCommands(List.of(new ConsumerRecord<>(Topics.BOOKING_COMMANDS, 0, 0L, Long.toString(eventId),
                MessageJson.mapper().writeValueAsString(command))));
        assertThat(jdbc.sql("SELECT status FROM bookings WHERE booking_id = ?").param(command.bookingId())
                .query(String.class).single()).isEqualTo("RESERVED");
        return command.bookingId();
    }

    private long bookingsOfTheFan() {
        return jdbc.sql("SELECT count(*) FROM bookings WHERE event_id = ? AND user_id = ?")
                .param(eventId).param(fan).query(Long.class).single();
    }

    private HttpResponse<String> reserve(String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(uri("/api/v1/bookings/reserve"))
                .header("Content-Type", "application/json")
                .header("X-User-Id", fan)
                .header("X-Admission-Token", admission())
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private String admission() {
        return admissionKeys.codec(Clock.systemUTC())
                .encode(new AdmissionToken(fan, eventId, Instant.now(), Instant.now().plus(Duration.ofMinutes(5)),
                        UUID.randomUUID().toString()));
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }
}
