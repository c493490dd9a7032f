package io.surge.ticketing.booking;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.sun.net.httpserver.HttpServer;

import tools.jackson.databind.JsonNode;

import io.surge.ticketing.booking.decide.Decide;
import io.surge.ticketing.booking.inventory.InventoryLoader;
import io.surge.ticketing.contracts.admission.AdmissionKeys;
import io.surge.ticketing.contracts.admission.AdmissionToken;
import io.surge.ticketing.contracts.admission.AdmissionTokenCodec;
import io.surge.ticketing.contracts.messages.EventInventoryDefined;
import io.surge.ticketing.contracts.messages.MessageJson;
import io.surge.ticketing.contracts.messages.ReserveCommand;

/**
 * What the after-the-sale integration tests share (one application context for all of them): booking on a random
 * port against the stack's PostgreSQL and Redis, with its Kafka listeners off, events of their own (fresh ids), holds
 * decided the way the reservation listener decides them, payments confirmed through the internal API, and a stand-in
 * for the waiting room's internal API.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
public abstract class AfterTheSaleIntegrationTest {

    protected static final HttpClient HTTP = HttpClient.newHttpClient();
    /** What the stand-in waiting room answers per event id (absent: 404). */
    protected static final Map<Long, String> QUEUE_COUNTS = new ConcurrentHashMap<>();
    private static final HttpServer WAITING_ROOM = waitingRoom();

    @Autowired
    protected ApplicationContext context;
    @Autowired
    protected InventoryLoader loader;
    @Autowired
    protected JdbcClient jdbc;
    @Autowired
    protected AdmissionKeys admissionKeys;
    @Value("${local.server.port}")
    protected int port;

    @DynamicPropertySource
    static void waitingRoomUrl(DynamicPropertyRegistry registry) {
        registry.add("ticketing.booking.waiting-room.base-url",
                () -> "http://127.0.0.1:" + WAITING_ROOM.getAddress().getPort());
    }

    private static HttpServer waitingRoom() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/internal/waiting-room/", exchange -> {
                String[] path = exchange.getRequestURI().getPath().split("/");
                String body = path.length == 5 && "counts".equals(path[4]) ? QUEUE_COUNTS.get(Long.parseLong(path[3])) : null;
                byte[] bytes = (body == null ? "{\"code\":\"EVENT_NOT_FOUND\"}" : body).getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(body == null ? 404 : 200, bytes.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A fresh event id no other test (nor the stack) uses. */
    protected static long freshEventId() {
        return 800_000_000L + ThreadLocalRandom.current().nextLong(99_000_000L);
    }

    /** An event on sale for an hour, published, with section 1 "Floor" (2 rows of 5 at 5,000) and 2 "Balcony" (3 x 4 at 3,000). */
    protected long eventOnSale() {
        long eventId = freshEventId();
        loader.load(inventory(eventId, 5_000, 3_000, false, true, Instant.now().plus(Duration.ofHours(1))));
        return eventId;
    }

    protected static EventInventoryDefined inventory(long eventId, long floorPrice, long balconyPrice, boolean cancelled,
            boolean published, Instant startsAt) {
        return new EventInventoryDefined(eventId, Instant.now().minusSeconds(60), List.of(
                new EventInventoryDefined.Section(1, "Floor", 0, 2, 5, floorPrice),
                new EventInventoryDefined.Section(2, "Balcony", 10, 3, 4, balconyPrice)),
                cancelled, startsAt, startsAt == null ? null : startsAt.minus(Duration.ofMinutes(30)), published);
    }

    /** Decides a best-available hold; returns its booking id (whatever the decision). */
    protected UUID hold(long eventId, String userId, long sectionId, int quantity) throws Exception {
        UUID bookingId = UUID.randomUUID();
        Decide.commands(context, List.of(new ReserveCommand(bookingId, eventId, userId, null, sectionId, quantity,
                Instant.now())));
        return bookingId;
    }

    /** Decides a hold of chosen seats; returns its booking id. */
    protected UUID holdSeats(long eventId, String userId, List<Long> ticketIds) throws Exception {
        UUID bookingId = UUID.randomUUID();
        Decide.commands(context, List.of(new ReserveCommand(bookingId, eventId, userId, ticketIds, null, null,
                Instant.now())));
        return bookingId;
    }

    /** A paid booking: a hold of {@code quantity} seats of the section, confirmed as payment-service confirms it. */
    protected UUID paid(long eventId, String userId, long sectionId, int quantity) throws Exception {
        UUID bookingId = hold(eventId, userId, sectionId, quantity);
        assertThat(status(bookingId)).isEqualTo("RESERVED");
        HttpResponse<String> confirmed = post("/internal/bookings/" + bookingId + "/confirm",
                "{\"payment_id\":\"pay-" + bookingId + "\"}", Map.of());
        assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(200);
        return bookingId;
    }

    protected String status(UUID bookingId) {
        return jdbc.sql("SELECT status FROM bookings WHERE booking_id = ?").param(bookingId).query(String.class).single();
    }

    protected HttpResponse<String> get(String path, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
        headers.forEach(request::header);
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    protected HttpResponse<byte[]> getBytes(String path, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
        headers.forEach(request::header);
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    protected HttpResponse<String> post(String path, String json, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        headers.forEach(request::header);
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    protected static Map<String, String> user(String userId) {
        return Map.of("X-User-Id", userId);
    }

    protected Map<String, String> admitted(String userId, long eventId) {
        String token = admissionKeys.codec(Clock.systemUTC())
                .encode(new AdmissionToken(userId, eventId, Instant.now(), Instant.now().plus(Duration.ofMinutes(5)),
                        UUID.randomUUID().toString()));
        return Map.of("X-User-Id", userId, "X-Admission-Token", token);
    }

    protected static JsonNode json(HttpResponse<String> response) {
        return json(response.body());
    }

    protected static JsonNode json(String body) {
        return MessageJson.mapper().readTree(body);
    }

    protected URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }
}
