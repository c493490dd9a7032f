package io.surge.ticketing.system.observability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import io.surge.ticketing.system.Platform;
import io.surge.ticketing.system.Platform.Response;
import io.surge.ticketing.system.booking.SaleFixture;

/**
 * What an SRE sees of a sale on the running stack: each service's business metrics at /actuator/prometheus, and
 * one trace id from the gateway request through booking-service's HTTP API and Kafka to the consumer that decided
 * it, in JSON log lines.
 */
class ObservabilitySystemTests {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Platform platform = Platform.get();
    private static SaleFixture sale;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void aSaleIsOn() {
        sale = SaleFixture.onSaleNow(platform, 1, 2, 10);
    }

    @Test
    void aTraceIdSentToTheGatewayReachesTheBookingConsumersLog() {
        String traceId = HexFormat.of().formatHex(randomBytes(16));
        String user = "trace-" + UUID.randomUUID();

        Response reserved = reserve(user, "traceparent", "00-" + traceId + "-" + HexFormat.of().formatHex(randomBytes(8)) + "-01");

        assertThat(reserved.status()).as("reserve: %s", reserved).isIn(201, 202);
        assertThat(reserved.header("X-Trace-Id")).as("the gateway answers with the caller's trace").isEqualTo(traceId);
        assertDecisionLoggedInTrace(reserved.json().get("booking_id").asString(), traceId);
    }

    @Test
    void theTraceTheGatewayStartsIsTheOneTheConsumerLogs() {
        Response reserved = reserve("trace-" + UUID.randomUUID());

        assertThat(reserved.status()).as("reserve: %s", reserved).isIn(201, 202);
        String traceId = reserved.header("X-Trace-Id");
        assertThat(traceId).as("X-Trace-Id").matches("[0-9a-f]{32}");
        assertDecisionLoggedInTrace(reserved.json().get("booking_id").asString(), traceId);
    }

    @Test
    void everyServiceExportsItsBusinessMetricsForPrometheus() {
        String user = "metrics-" + UUID.randomUUID();
        Response reserved = reserve(user);
        assertThat(reserved.status()).as("reserve: %s", reserved).isIn(201, 202);

        Map<Integer, List<String>> expected = Map.of(
                8080, List.of("http_server_requests_seconds_count{application=\"gateway-service\"", "spring_cloud_gateway_requests_seconds_count{"),
                8081, List.of("waitingroom_queue_depth{", "waitingroom_admitted_total{", "waitingroom_joined_total{"),
                8082, List.of("catalog_outbox_pending{", "catalog_events_changes_total{"),
                8083, List.of("search_queries_seconds_count{", "search_elasticsearch_breaker_open{"),
                8084, List.of("booking_reservations_total{application=\"booking-service\",outcome=\"RESERVED\"}",
                        "booking_reservations_total{application=\"booking-service\",outcome=\"SEATS_UNAVAILABLE\"}",
                        "booking_reservations_conflicts_total{", "booking_commands_lag{",
                        "booking_decision_batch_seconds_count{",
                        "kafka_consumer_fetch_manager_records_lag_max{"),
                8085, List.of("payments_outcome_total{", "payments_inflight{", "kafka_consumer_fetch_manager_records_lag_max{"),
                8086, List.of("cleanup_holds_released_total{", "cleanup_release_lateness_seconds_count{"),
                8087, List.of("cdc_replication_latency_seconds_count{", "cdc_slot_lag_bytes{"));

        expected.forEach((port, names) -> Awaitility.await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> assertThat(prometheus(port)).as("/actuator/prometheus on %d", port).contains(names)));
        Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(metricValue(prometheus(8084),
                        "booking_reservations_total{application=\"booking-service\",outcome=\"RESERVED\"}"))
                        .as("reservations decided").isGreaterThanOrEqualTo(1.0));
    }

    private Response reserve(String user, String... headers) {
        String[] all = Stream.concat(Stream.of("X-Admission-Token",
                        platform.admissionToken(user, sale.eventId(), Duration.ofMinutes(10))), Stream.of(headers))
                .toArray(String[]::new);
        return platform.post("/api/v1/bookings/reserve", platform.token(user),
                Map.of("event_id", sale.eventId(), "section_id", sale.sectionIds().get(0), "quantity", 1), all);
    }

    /** booking-service's consumer logs the decision as a JSON line inside the request's trace. */
    private void assertDecisionLoggedInTrace(String bookingId, String traceId) {
        Path log = platform.stateDir().resolve("logs/booking-service.log");
        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(250))
                .untilAsserted(() -> assertThat(decisionLines(log, bookingId))
                        .as("the consumer's decision of %s in %s", bookingId, log)
                        .anySatisfy(line -> {
                            assertThat(line.path("traceId").asString()).isEqualTo(traceId);
                            assertThat(line.path("process").path("thread").path("name").asString())
                                    .as("logged by a Kafka consumer thread").startsWith("booking-commands");
                        }));
    }

    private static List<JsonNode> decisionLines(Path log, String bookingId) throws IOException {
        try (Stream<String> lines = Files.lines(log)) {
            return lines.filter(line -> line.contains(bookingId) && line.contains("decided"))
                    .map(ObservabilitySystemTests::parse)
                    .toList();
        }
    }

    private static JsonNode parse(String line) {
        try {
            return JSON.readTree(line);
        } catch (JacksonException e) {
            throw new AssertionError("not a JSON log line: " + line, e);
        }
    }

    private String prometheus(int port) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + (port + 1000) + "/actuator/prometheus"))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("/actuator/prometheus on %d", port).isEqualTo(200);
        return response.body();
    }

    private static double metricValue(String exposition, String series) {
        return exposition.lines().filter(line -> line.startsWith(series + " "))
                .mapToDouble(line -> Double.parseDouble(line.substring(series.length() + 1).trim()))
                .findFirst().orElse(-1);
    }

    private static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        ThreadLocalRandom.current().nextBytes(bytes);
        bytes[0] |= 1; // never the all-zero (invalid) id
        return bytes;
    }
}
