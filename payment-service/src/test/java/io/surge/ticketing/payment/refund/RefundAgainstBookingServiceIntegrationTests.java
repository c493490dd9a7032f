package io.surge.ticketing.payment.refund;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.surge.ticketing.contracts.admission.AdmissionToken;
import io.surge.ticketing.contracts.admission.AdmissionTokenCodec;
import io.surge.ticketing.contracts.web.ServiceCredential;
import io.surge.ticketing.payment.checkout.BookingFixtures;
import io.surge.ticketing.testsupport.TestInfrastructure;

/**
 * A fan pays and then refunds a booking of the running booking-service (the local stack's, port 8084): the booking
 * ends REFUNDED with our refund, the provider refunded once. Skipped, saying why, while that booking-service has no
 * {@code POST /internal/bookings/{id}/refund} yet (RefundIntegrationTests covers the same use case against a stub).
 */
@ExtendWith(RefundAgainstBookingServiceIntegrationTests.BookingServiceRecordsRefunds.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class RefundAgainstBookingServiceIntegrationTests {

    private static final String RUN = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    private static final String SCHEMA = "payment_it_" + RUN;
    private static final String PROVIDER_SCHEMA = "payment_it_provider_" + RUN;
    private static final String LISTENER_ID = "payment-it-" + RUN;
    private static final String BOOKING_URL = env("TICKETING_BOOKING_URL", "http://127.0.0.1:8084");

    private static BookingFixtures bookings;

    @DynamicPropertySource
    static void isolate(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> TestInfrastructure.postgres().jdbcUrl("payment", SCHEMA));
        registry.add("spring.flyway.schemas", () -> SCHEMA);
        registry.add("ticketing.payment.provider.simulated.schema", () -> PROVIDER_SCHEMA);
        registry.add("ticketing.payment.booking.base-url", () -> BOOKING_URL);
        registry.add("ticketing.payment.checkout.requests-topic", () -> "payment.requests.it-" + RUN);
        registry.add("ticketing.payment.checkout.events-topic", () -> "payment.events.it-" + RUN);
        registry.add("ticketing.payment.checkout.consumer-group", () -> LISTENER_ID);
        registry.add("ticketing.payment.checkout.reconcile-interval", () -> "1h");
    }

    /** Decided before the application starts: nothing is started when the endpoint is missing. */
    static class BookingServiceRecordsRefunds implements ExecutionCondition {

        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            String missing = refundEndpointMissing();
            if (missing == null) {
                return ConditionEvaluationResult.enabled("booking-service records refunds");
            }
            String reason = "skipped: the running booking-service cannot record refunds yet (" + missing
                    + "); RefundIntegrationTests covers refunds against a stubbed booking-service";
            System.out.println(RefundAgainstBookingServiceIntegrationTests.class.getSimpleName() + " " + reason);
            return ConditionEvaluationResult.disabled(reason);
        }
    }

    @BeforeAll
    static void fixtures() throws Exception {
        bookings = new BookingFixtures();
    }

    @AfterAll
    static void tearDown() {
        if (bookings != null) {
            try {
                bookings.close();
            } catch (Exception e) {
                System.err.println("booking fixtures left behind: " + e);
            }
        }
        if (bookings != null) {
            try (Connection db = TestInfrastructure.postgres().connect("payment"); Statement drop = db.createStatement()) {
                drop.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
                drop.execute("DROP SCHEMA IF EXISTS " + PROVIDER_SCHEMA + " CASCADE");
            } catch (Exception e) {
                System.err.println("schemas left behind: " + e);
            }
        }
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    KafkaListenerEndpointRegistry listeners;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void aPaidBookingIsRefundedOnceAndBookingServiceRecordsIt() throws Exception {
        await().atMost(Duration.ofSeconds(60)).until(() -> !listeners.getListenerContainer(LISTENER_ID)
                .getAssignedPartitions().isEmpty());
        String user = "refund-real-" + UUID.randomUUID();
        UUID booking = bookings.reserved(user, Instant.now().plusSeconds(300));
        HttpResponse<String> paid = post(booking, "payment", user, "pay-1", "{\"payment_token\":\"tok_visa\"}");
        assertThat(paid.statusCode()).as(paid.body()).isEqualTo(200);

        HttpResponse<String> refunded = post(booking, "refund", user, "refund-1", null);
        HttpResponse<String> again = post(booking, "refund", user, "refund-2", null);

        assertThat(refunded.statusCode()).as(refunded.body()).isEqualTo(200);
        String refundId = jdbc.sql("SELECT refund_id::text FROM refunds WHERE booking_id = ?").param(booking)
                .query(String.class).single();
        assertThat(refunded.body()).contains("\"status\":\"REFUNDED\"", "\"refund_id\":\"" + refundId + "\"",
                "\"amount_cents\":10000");
        assertThat(again.body()).isEqualTo(refunded.body());
        assertThat(bookings.status(booking)).isEqualTo("REFUNDED");
        assertThat(bookings.ticketStatuses(booking)).doesNotContain("SOLD", "HELD");
        assertThat(jdbc.sql("SELECT count(*) FROM " + PROVIDER_SCHEMA + ".refunds r JOIN payment_attempts a "
                        + "ON r.charge_id = a.provider_charge_id WHERE a.booking_id = ?")
                .param(booking).query(Integer.class).single()).isEqualTo(1);
    }

    private HttpResponse<String> post(UUID booking, String what, String user, String key, String body) throws Exception {
        Instant now = Instant.now();
        String token = AdmissionTokenCodec.fromSecret(System.getenv("TICKETING_ADMISSION_SECRET"), Clock.systemUTC())
                .encode(new AdmissionToken(user, bookings.eventId(), now, now.plusSeconds(600), UUID.randomUUID().toString()));
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/api/v1/bookings/" + booking + "/" + what))
                .timeout(Duration.ofSeconds(30))
                .header("X-User-Id", user)
                .header("X-Admission-Token", token)
                .header("Idempotency-Key", key);
        if (body == null) {
            request.POST(HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Null when booking-service answers an unknown booking's refund with its own 404 BOOKING_NOT_FOUND. */
    private static String refundEndpointMissing() {
        String credential = new ServiceCredential(System.getenv("TICKETING_SERVICE_SECRET"), Clock.systemUTC())
                .issue("payment-service", null, null);
        try {
            HttpResponse<String> probe = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create(BOOKING_URL + "/internal/bookings/" + UUID.randomUUID() + "/refund"))
                    .timeout(Duration.ofSeconds(5))
                    .header(ServiceCredential.HEADER, credential)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"refund_id\":\"probe\",\"amount_cents\":1}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            return probe.statusCode() == 404 && probe.body().contains("BOOKING_NOT_FOUND") ? null
                    : "it answers " + probe.statusCode() + " " + probe.body().replaceAll("\\s+", " ");
        } catch (Exception e) {
            return "booking-service at " + BOOKING_URL + " does not answer: " + e;
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null ? fallback : value;
    }
}
