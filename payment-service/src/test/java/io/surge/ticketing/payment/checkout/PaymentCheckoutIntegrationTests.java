package io.surge.ticketing.payment.checkout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
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
import io.surge.ticketing.payment.provider.PaymentProvider;
import io.surge.ticketing.testsupport.TestInfrastructure;

/**
 * The whole checkout against the real local stack: PostgreSQL (a schema of our own in the {@code payment}
 * database), Kafka (topics and group of our own), Redis, and the running booking-service's internal API on
 * bookings this test writes into the {@code booking} database for an event id of its own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PaymentCheckoutIntegrationTests {

    private static final String RUN = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    private static final String SCHEMA = "payment_it_" + RUN;
    private static final String PROVIDER_SCHEMA = "payment_it_provider_" + RUN;
    private static final String LISTENER_ID = "payment-it-" + RUN;

    @DynamicPropertySource
    static void isolate(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> TestInfrastructure.postgres().jdbcUrl("payment", SCHEMA));
        registry.add("spring.flyway.schemas", () -> SCHEMA);
        registry.add("ticketing.payment.provider.simulated.schema", () -> PROVIDER_SCHEMA);
        registry.add("ticketing.payment.checkout.requests-topic", () -> "payment.requests.it-" + RUN);
        registry.add("ticketing.payment.checkout.events-topic", () -> "payment.events.it-" + RUN);
        registry.add("ticketing.payment.checkout.consumer-group", () -> LISTENER_ID);
        // The reconciler is driven by the tests below, not by the clock.
        registry.add("ticketing.payment.checkout.reconcile-interval", () -> "1h");
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PaymentProvider provider;
    @Autowired
    PaymentReconciler reconciler;
    @Autowired
    KafkaListenerEndpointRegistry listeners;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final AdmissionTokenCodec admission = AdmissionTokenCodec.fromSecret(System.getenv("TICKETING_ADMISSION_SECRET"),
            Clock.systemUTC());
    private BookingFixtures bookings;
    private String user;

    @BeforeAll
    void setUp() throws Exception {
        bookings = new BookingFixtures();
        await().atMost(Duration.ofSeconds(30)).until(() -> !listeners.getListenerContainer(LISTENER_ID)
                .getAssignedPartitions().isEmpty());
    }

    @BeforeEach
    void newUser() {
        user = "pay-it-" + UUID.randomUUID();
    }

    @AfterAll
    void tearDown() throws Exception {
        bookings.close();
        jdbc.sql("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE").update();
        jdbc.sql("DROP SCHEMA IF EXISTS " + PROVIDER_SCHEMA + " CASCADE").update();
    }

    @Test
    void payingAReservedBookingConfirmsItAndAReplayReturnsTheSameAnswerWithoutChargingAgain() throws Exception {
        UUID booking = bookings.reserved(user, Instant.now().plusSeconds(300));

        HttpResponse<String> first = pay(booking, "key-1", "tok_visa");
        HttpResponse<String> replay = pay(booking, "key-1", "tok_visa");

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.body()).contains("\"booking_id\":\"" + booking + "\"", "\"status\":\"CONFIRMED\"", "\"payment_id\"");
        assertThat(replay.statusCode()).isEqualTo(200);
        assertThat(replay.body()).isEqualTo(first.body());
        assertThat(bookings.status(booking)).isEqualTo("CONFIRMED");
        assertThat(first.body()).contains(bookings.paymentId(booking));
        assertThat(bookings.ticketStatuses(booking)).containsOnly("SOLD");
        assertThat(chargesFor(booking, "SUCCEEDED")).isEqualTo(1);
    }

    @Test
    void theSameKeyWithAnotherBodyIsRefusedWith422() throws Exception {
        UUID booking = bookings.reserved(user, Instant.now().plusSeconds(300));
        assertThat(pay(booking, "key-2", "tok_declined").statusCode()).isEqualTo(402);

        HttpResponse<String> reused = pay(booking, "key-2", "tok_visa");

        assertThat(reused.statusCode()).isEqualTo(422);
        assertThat(reused.body()).contains("\"code\":\"IDEMPOTENCY_KEY_REUSED\"");
        assertThat(chargesFor(booking, "SUCCEEDED")).isZero();
    }

    @Test
    void aDeclinedPaymentLeavesTheHoldAndIsReplayedAsStored() throws Exception {
        UUID booking = bookings.reserved(user, Instant.now().plusSeconds(300));

        HttpResponse<String> declined = pay(booking, "key-3", "tok_declined");
        HttpResponse<String> replay = pay(booking, "key-3", "tok_declined");

        assertThat(declined.statusCode()).isEqualTo(402);
        assertThat(declined.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(declined.body()).contains("\"code\":\"PAYMENT_DECLINED\"");
        assertThat(replay.statusCode()).isEqualTo(402);
        assertThat(replay.body()).isEqualTo(declined.body());
        assertThat(bookings.status(booking)).isEqualTo("RESERVED");
        assertThat(bookings.ticketStatuses(booking)).containsOnly("HELD");
    }

    @Test
    void aProviderErrorIsNotStoredSoARetryWithTheSameKeyCanSucceed() throws Exception {
        UUID booking = bookings.reserved(user, Instant.now().plusSeconds(300));

        HttpResponse<String> failed = pay(booking, "key-4", "tok_error");
        HttpResponse<String> retried = pay(booking, "key-4", "tok_visa");

        assertThat(failed.statusCode()).isEqualTo(502);
        assertThat(failed.body()).contains("\"code\":\"PAYMENT_PROVIDER_ERROR\"");
        assertThat(retried.statusCode()).isEqualTo(200);
        assertThat(bookings.status(booking)).isEqualTo("CONFIRMED");
        assertThat(chargesFor(booking, "SUCCEEDED")).isEqualTo(1);
    }

    @Test
    void concurrentIdenticalRequestsMakeOneChargeAndAllGetTheSameAnswer() throws Exception {
        UUID booking = bookings.reserved(user, Instant.now().plusSeconds(300));
        int callers = 30;
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        try {
            List<Callable<HttpResponse<String>>> calls = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                calls.add(() -> pay(booking, "key-5", "tok_visa"));
            }
            List<HttpResponse<String>> answers = new ArrayList<>();
            for (Future<HttpResponse<String>> answer : pool.invokeAll(calls)) {
                answers.add(answer.get());
            }

            Set<String> distinct = answers.stream().map(r -> r.statusCode() + " " + r.body()).collect(Collectors.toSet());
            assertThat(distinct).hasSize(1);
            assertThat(answers.get(0).statusCode()).isEqualTo(200);
            assertThat(chargesFor(booking, null)).isEqualTo(1);
            assertThat(jdbc.sql("SELECT count(*) FROM payment_attempts WHERE booking_id = ?").param(booking)
                    .query(Integer.class).single()).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aChargeThatLandsAfterTheHoldExpiredIsRefundedAndAnswered409() throws Exception {
        // tok_slow answers after 2 s (test profile): the hold expires while the provider is charging.
        UUID booking = bookings.reserved(user, Instant.now().plusMillis(1_000));

        HttpResponse<String> answer = pay(booking, "key-6", "tok_slow");

        assertThat(answer.statusCode()).isEqualTo(409);
        assertThat(answer.body()).contains("\"code\":\"HOLD_EXPIRED\"");
        assertThat(chargesFor(booking, "REFUNDED")).isEqualTo(1);
        assertThat(chargesFor(booking, "SUCCEEDED")).isZero();
        assertThat(bookings.status(booking)).isNotEqualTo("CONFIRMED");
    }

    @Test
    void refusesUnknownOrForeignBookingsWrongEventAdmissionAndMissingKeys() throws Exception {
        UUID booking = bookings.reserved(user, Instant.now().plusSeconds(300));

        HttpResponse<String> foreign = send(booking, "someone-else", "key-7", "tok_visa",
                token("someone-else", bookings.eventId()));
        HttpResponse<String> unknown = pay(UUID.randomUUID(), "key-7", "tok_visa");
        HttpResponse<String> wrongEvent = send(booking, user, "key-7", "tok_visa", token(user, bookings.eventId() + 1));
        HttpResponse<String> noKey = send(booking, user, null, "tok_visa", token(user, bookings.eventId()));

        assertThat(foreign.statusCode()).isEqualTo(404);
        assertThat(foreign.body()).contains("BOOKING_NOT_FOUND");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(wrongEvent.statusCode()).isEqualTo(403);
        assertThat(wrongEvent.body()).contains("ADMISSION_WRONG_EVENT");
        assertThat(noKey.statusCode()).isEqualTo(400);
        assertThat(noKey.body()).contains("IDEMPOTENCY_KEY_REQUIRED");
        assertThat(bookings.status(booking)).isEqualTo("RESERVED");
        assertThat(chargesFor(booking, null)).isZero();
    }

    @Test
    void aLiveHoldIsPaidAfterTheAdmissionSessionEndedButAnExpiredHoldIsNot() throws Exception {
        UUID live = bookings.reserved(user, Instant.now().plusSeconds(300));
        UUID gone = bookings.reserved(user, Instant.now().minusSeconds(5));
        String expired = expiredToken(user, bookings.eventId());

        HttpResponse<String> paid = send(live, user, "key-10", "tok_visa", expired);
        HttpResponse<String> refused = send(gone, user, "key-11", "tok_visa", expired);
        HttpResponse<String> otherEvent = send(live, user, "key-12", "tok_visa", expiredToken(user, bookings.eventId() + 1));

        assertThat(paid.statusCode()).as(paid.body()).isEqualTo(200);
        assertThat(bookings.status(live)).isEqualTo("CONFIRMED");
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("ADMISSION_EXPIRED");
        assertThat(otherEvent.statusCode()).isEqualTo(403);
        assertThat(otherEvent.body()).contains("ADMISSION_WRONG_EVENT");
    }

    @Test
    void theReconcilerConfirmsAPaymentChargedByAWorkerThatDied() throws Exception {
        UUID booking = bookings.reserved(user, Instant.now().plusSeconds(300));
        UUID attempt = UUID.randomUUID();
        // What a kill -9 right after the provider call leaves: the key in progress, the attempt CHARGING with a
        // lease that ran out, and a charge at the provider made with the attempt id.
        jdbc.sql("INSERT INTO idempotency_keys (user_id, idempotency_key, request_hash, attempt_id, status) "
                + "VALUES (?, 'key-8', ?, ?, 'IN_PROGRESS')")
                .params(user, RequestFingerprint.of(booking, new PaymentRequest("tok_visa")), attempt).update();
        insertAttempt(attempt, booking, "CHARGING");
        provider.charge(attempt.toString(), 10_000, "tok_visa");

        reconciler.reconcileOnce();
        HttpResponse<String> replay = pay(booking, "key-8", "tok_visa");

        assertThat(bookings.status(booking)).isEqualTo("CONFIRMED");
        assertThat(bookings.paymentId(booking)).isEqualTo(attempt.toString());
        assertThat(replay.statusCode()).isEqualTo(200);
        assertThat(replay.body()).contains(attempt.toString());
        assertThat(chargesFor(booking, "SUCCEEDED")).isEqualTo(1);
    }

    @Test
    void theReconcilerFreesTheKeyOfAnAttemptThatDiedBeforeCharging() throws Exception {
        UUID booking = bookings.reserved(user, Instant.now().plusSeconds(300));
        UUID attempt = UUID.randomUUID();
        jdbc.sql("INSERT INTO idempotency_keys (user_id, idempotency_key, request_hash, attempt_id, status) "
                + "VALUES (?, 'key-9', ?, ?, 'IN_PROGRESS')")
                .params(user, RequestFingerprint.of(booking, new PaymentRequest("tok_visa")), attempt).update();
        insertAttempt(attempt, booking, "CHARGING");

        reconciler.reconcileOnce();

        assertThat(jdbc.sql("SELECT state FROM payment_attempts WHERE attempt_id = ?").param(attempt)
                .query(String.class).single()).isEqualTo("FAILED");
        assertThat(pay(booking, "key-9", "tok_visa").statusCode()).isEqualTo(200);
        assertThat(chargesFor(booking, "SUCCEEDED")).isEqualTo(1);
    }

    private void insertAttempt(UUID attempt, UUID booking, String state) {
        jdbc.sql("""
                INSERT INTO payment_attempts (attempt_id, booking_id, user_id, event_id, amount_cents, payment_token,
                                              hold_expires_at, state, lease_until)
                VALUES (?, ?, ?, ?, 10000, 'tok_visa', now() + interval '5 minutes', ?, now() - interval '1 second')
                """)
                .params(attempt, booking, user, bookings.eventId(), state).update();
    }

    /** Charges at the provider for a booking's attempts (status null: any). */
    private int chargesFor(UUID booking, String status) {
        return jdbc.sql("SELECT count(*) FROM " + PROVIDER_SCHEMA + ".charges c JOIN payment_attempts a "
                        + "ON c.idempotency_key = a.attempt_id::text WHERE a.booking_id = ? AND (CAST(? AS text) IS NULL OR c.status = ?)")
                .params(booking, status, status)
                .query(Integer.class).single();
    }

    private HttpResponse<String> pay(UUID booking, String key, String paymentToken) throws Exception {
        return send(booking, user, key, paymentToken, token(user, bookings.eventId()));
    }

    private HttpResponse<String> send(UUID booking, String userId, String key, String paymentToken, String admissionToken)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/api/v1/bookings/" + booking + "/payment"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("X-User-Id", userId)
                .header("X-Admission-Token", admissionToken)
                .POST(HttpRequest.BodyPublishers.ofString("{\"payment_token\":\"" + paymentToken + "\"}"));
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private String token(String userId, long eventId) {
        Instant now = Instant.now();
        return admission.encode(new AdmissionToken(userId, eventId, now, now.plusSeconds(600), UUID.randomUUID().toString()));
    }

    private String expiredToken(String userId, long eventId) {
        Instant now = Instant.now();
        return admission.encode(new AdmissionToken(userId, eventId, now.minusSeconds(900), now.minusSeconds(1),
                UUID.randomUUID().toString()));
    }
}
