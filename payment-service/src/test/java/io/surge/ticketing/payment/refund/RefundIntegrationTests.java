package io.surge.ticketing.payment.refund;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ContainerProperties.AckMode;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;

import io.micrometer.core.instrument.MeterRegistry;
import io.surge.ticketing.contracts.admission.AdmissionToken;
import io.surge.ticketing.contracts.admission.AdmissionTokenCodec;
import io.surge.ticketing.contracts.messages.MessageJson;
import io.surge.ticketing.contracts.messages.RefundRequested;
import io.surge.ticketing.payment.StubbedBookingServiceContext;
import io.surge.ticketing.payment.SwitchableProvider;
import io.surge.ticketing.payment.provider.PaymentProvider;

/**
 * Refunds end to end in one payment-service, with WireMock as booking-service: a fan's refund with its
 * Idempotency-Key semantics, exactly one provider refund under races, crashes and outages, the event cancellation's
 * refund requests from Kafka (retried while a dependency is down, poison to the dead-letter topic), and the payment
 * rule that goes with a cancelled event (409 EVENT_CANCELLED).
 */
class RefundIntegrationTests extends StubbedBookingServiceContext {

    private static final long PRICE = 4_000;

    @LocalServerPort
    int port;
    @Autowired
    PaymentProvider provider;
    @Autowired
    SwitchableProvider switchable;
    @Autowired
    RefundReconciler reconciler;
    @Autowired
    KafkaTemplate<String, String> kafka;
    @Autowired
    ConsumerFactory<String, String> consumers;
    @Autowired
    KafkaListenerEndpointRegistry listeners;
    @Autowired
    MeterRegistry meters;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final long eventId = System.nanoTime() % 1_000_000_000L + 600_000_000_000L;
    private String user;

    @BeforeAll
    void consumerReady() {
        await().atMost(Duration.ofSeconds(60)).until(() -> !listeners.getListenerContainer(REFUND_GROUP)
                .getAssignedPartitions().isEmpty());
    }

    @BeforeEach
    void newFan() {
        user = "refund-it-" + UUID.randomUUID();
        switchable.refundsDown(false);
    }

    @Test
    void fiftyConcurrentIdenticalRequestsMakeOneProviderRefundAndAllGetTheSameAnswer() throws Exception {
        UUID booking = paidBooking(user);
        double madeBefore = counter("refunds.made", "reason", "requested_by_customer");

        List<HttpResponse<String>> answers = race(50, i -> refund(user, booking, "key-50"));

        Set<String> distinct = answers.stream().map(r -> r.statusCode() + " " + r.body()).collect(Collectors.toSet());
        assertThat(distinct).hasSize(1);
        HttpResponse<String> answer = answers.get(0);
        assertThat(answer.statusCode()).isEqualTo(200);
        String refundId = refundIdOf(booking);
        assertThat(answer.body()).isEqualTo("{\"booking_id\":\"" + booking + "\",\"status\":\"REFUNDED\",\"refund_id\":\""
                + refundId + "\",\"amount_cents\":" + PRICE + "}");
        assertThat(providerRefunds(booking)).isEqualTo(1);
        assertThat(recordsAtBooking(booking)).isEqualTo(1);
        assertRecordedAtBooking(booking, refundId);
        assertThat(state(booking)).isEqualTo("RECORDED");
        assertThat(counter("refunds.made", "reason", "requested_by_customer")).isEqualTo(madeBefore + 1);
    }

    @Test
    void otherKeysAndTheEventsCancellationRacingForOneBookingShareItsOneRefund() throws Exception {
        UUID booking = paidBooking(user);
        sendRefundRequest(booking);

        List<HttpResponse<String>> answers = race(10, i -> refund(user, booking, "key-" + i));
        await().atMost(Duration.ofSeconds(30)).until(() -> "RECORDED".equals(state(booking)));

        assertThat(answers).allSatisfy(answer -> {
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
            assertThat(answer.body()).contains("\"refund_id\":\"" + refundIdOf(booking) + "\"");
        });
        assertThat(providerRefunds(booking)).isEqualTo(1);
        assertThat(recordsAtBooking(booking)).isEqualTo(1);
    }

    @Test
    void aReplayIsTheStoredAnswerAndTheSameKeyForAnotherRequestIs422() throws Exception {
        UUID booking = paidBooking(user);
        UUID other = paidBooking(user);

        HttpResponse<String> first = refund(user, booking, "key-r");
        HttpResponse<String> replay = refund(user, booking, "key-r");
        HttpResponse<String> anotherBooking = refund(user, other, "key-r");
        HttpResponse<String> anotherReason = send(user, booking, "key-r", "{\"reason\":\"changed my mind\"}");

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(replay.statusCode()).isEqualTo(200);
        assertThat(replay.body()).isEqualTo(first.body());
        assertThat(anotherBooking.statusCode()).isEqualTo(422);
        assertThat(anotherBooking.body()).contains("\"code\":\"IDEMPOTENCY_KEY_REUSED\"");
        assertThat(anotherReason.statusCode()).isEqualTo(422);
        assertThat(providerRefunds(booking)).isEqualTo(1);
        assertThat(providerRefunds(other)).isZero();
    }

    @Test
    void theKeyThatPaidForABookingMayRefundIt() throws Exception {
        UUID booking = paidBooking(user);
        // the fan paid with the booking id as the key, and refunds with it too: keys are scoped to the operation
        jdbc.sql("INSERT INTO idempotency_keys (user_id, operation, idempotency_key, request_hash, attempt_id, status) "
                        + "VALUES (?, 'PAYMENT', ?, 'a-payment', ?, 'IN_PROGRESS')")
                .params(user, booking.toString(), UUID.randomUUID()).update();

        HttpResponse<String> answer = refund(user, booking, booking.toString());

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    }

    @Test
    void refusesForeignUnknownUnpaidAndLateRefundsAndRefundsNothing() throws Exception {
        UUID paid = paidBooking(user);
        UUID held = UUID.randomUUID();
        stubBooking(view(held, user, "RESERVED", Instant.now().plusSeconds(3_600), false));
        UUID late = paidBooking(user, Instant.now().minusSeconds(60), false);
        UUID unknown = UUID.randomUUID();
        bookingService.stubFor(get(urlEqualTo("/internal/bookings/" + unknown)).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/problem+json")
                .withBody("{\"status\":404,\"code\":\"BOOKING_NOT_FOUND\"}")));

        HttpResponse<String> foreign = refund("someone-else", paid, "key-f");
        HttpResponse<String> missing = refund(user, unknown, "key-u");
        HttpResponse<String> hold = refund(user, held, "key-h");
        HttpResponse<String> tooLate = refund(user, late, "key-l");
        HttpResponse<String> noKey = send(user, paid, null, null);

        assertThat(foreign.statusCode()).isEqualTo(404);
        assertThat(foreign.body()).contains("\"code\":\"BOOKING_NOT_FOUND\"");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(hold.statusCode()).isEqualTo(409);
        assertThat(hold.body()).contains("\"code\":\"BOOKING_NOT_CONFIRMED\"");
        assertThat(tooLate.statusCode()).isEqualTo(409);
        assertThat(tooLate.body()).contains("\"code\":\"REFUND_WINDOW_CLOSED\"");
        assertThat(noKey.statusCode()).isEqualTo(400);
        assertThat(noKey.body()).contains("\"code\":\"IDEMPOTENCY_KEY_REQUIRED\"");
        assertThat(providerRefunds(paid) + providerRefunds(late)).isZero();
        // a refusal is not stored: the same key works once the booking is refundable
        assertThat(refund(user, paid, "key-h").statusCode()).isEqualTo(200);
    }

    @Test
    void aCancelledEventsBookingIsRefundedAfterTheDeadline() throws Exception {
        UUID booking = paidBooking(user, Instant.now().minusSeconds(60), true);

        HttpResponse<String> answer = refund(user, booking, "key-c");

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        assertThat(providerRefunds(booking)).isEqualTo(1);
    }

    @Test
    void aBookingRefundedBeforeWeKeptRefundsAnswersTheRefundBookingRecorded() throws Exception {
        UUID booking = UUID.randomUUID();
        Map<String, Object> refunded = view(booking, user, "REFUNDED", Instant.now().plusSeconds(3_600), false);
        refunded.put("refund_id", "r-elsewhere");
        refunded.put("refunded_cents", 3_000);
        stubBooking(refunded);

        HttpResponse<String> answer = refund(user, booking, "key-e");

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).contains("\"refund_id\":\"r-elsewhere\"", "\"status\":\"REFUNDED\"",
                "\"amount_cents\":3000");
        assertThat(providerRefunds(booking)).isZero();
    }

    @Test
    void aCrashBetweenTheProvidersRefundAndOurRecordIsFinishedByTheReconciler() throws Exception {
        UUID booking = paidBooking(user);
        UUID refundId = UUID.randomUUID();
        UUID request = UUID.randomUUID();
        // What a kill -9 right after the provider call leaves: the key in progress, the refund REQUESTED with a lease
        // that ran out, and the money already refunded at the provider under the booking's key.
        insertRefund(refundId, booking, "REQUESTED");
        claimKey(request, refundId, booking, "key-crash");
        provider.refund(BookingRefund.providerKey(booking), chargeOf(booking), PRICE);
        double reconciledBefore = counter("refunds.reconciled");

        reconciler.resumeStuck();
        HttpResponse<String> retry = refund(user, booking, "key-crash");

        assertThat(state(booking)).isEqualTo("RECORDED");
        assertThat(retry.statusCode()).isEqualTo(200);
        assertThat(retry.body()).contains("\"refund_id\":\"" + refundId + "\"");
        assertThat(providerRefunds(booking)).isEqualTo(1);
        assertRecordedAtBooking(booking, refundId.toString());
        assertThat(counter("refunds.reconciled")).isEqualTo(reconciledBefore + 1);
    }

    @Test
    void aCrashAfterTheProviderAnsweredIsRecordedByTheReconcilerWithoutRefundingAgain() throws Exception {
        UUID booking = paidBooking(user);
        UUID refundId = UUID.randomUUID();
        insertRefund(refundId, booking, "REQUESTED");
        String made = provider.refund(BookingRefund.providerKey(booking), chargeOf(booking), PRICE).refundId();
        jdbc.sql("UPDATE refunds SET state = 'PROVIDER_REFUNDED', provider_refund_id = ? WHERE refund_id = ?")
                .params(made, refundId).update();

        reconciler.resumeStuck();

        assertThat(state(booking)).isEqualTo("RECORDED");
        assertThat(providerRefunds(booking)).isEqualTo(1);
        assertThat(recordsAtBooking(booking)).isEqualTo(1);
    }

    @Test
    void aProviderOutageIsAnsweredRetryableAndTheRefundIsMadeOnceItIsBack() throws Exception {
        UUID booking = paidBooking(user);
        switchable.refundsDown(true);

        HttpResponse<String> during = refund(user, booking, "key-o");
        reconciler.resumeStuck(); // still down: backs off again
        switchable.refundsDown(false);
        HttpResponse<String> after = refund(user, booking, "key-o");

        assertThat(during.statusCode()).isEqualTo(502);
        assertThat(during.body()).contains("\"code\":\"PAYMENT_PROVIDER_ERROR\"");
        assertThat(after.statusCode()).as(after.body()).isEqualTo(200);
        assertThat(providerRefunds(booking)).isEqualTo(1);
        assertThat(state(booking)).isEqualTo("RECORDED");
    }

    @Test
    void cancellationRefundsAreRetriedWhileBookingServiceIsDownAndNeverRepeated() throws Exception {
        UUID flaky = paidBooking(user);
        UUID steady = paidBooking(user);
        // booking-service fails the first two records of one booking
        String scenario = "down-" + flaky;
        bookingService.stubFor(post(urlEqualTo("/internal/bookings/" + flaky + "/refund")).inScenario(scenario)
                .whenScenarioStateIs(Scenario.STARTED).willSetStateTo("down-again")
                .willReturn(aResponse().withStatus(503)));
        bookingService.stubFor(post(urlEqualTo("/internal/bookings/" + flaky + "/refund")).inScenario(scenario)
                .whenScenarioStateIs("down-again").willSetStateTo("up")
                .willReturn(aResponse().withStatus(503)));
        bookingService.stubFor(post(urlEqualTo("/internal/bookings/" + flaky + "/refund")).inScenario(scenario)
                .whenScenarioStateIs("up").willReturn(okJson("{}")));

        sendRefundRequest(flaky);
        sendRefundRequest(steady);
        sendRefundRequest(steady); // a redelivery

        await().atMost(Duration.ofSeconds(60)).until(() -> "RECORDED".equals(state(flaky)) && "RECORDED".equals(state(steady)));
        assertThat(providerRefunds(flaky)).isEqualTo(1);
        assertThat(providerRefunds(steady)).isEqualTo(1);
        assertThat(recordsAtBooking(flaky)).isEqualTo(3);
        assertThat(recordsAtBooking(steady)).isEqualTo(1);
        assertThat(jdbc.sql("SELECT reason FROM refunds WHERE booking_id = ?").param(steady).query(String.class).single())
                .isEqualTo("EVENT_CANCELLED");
    }

    @Test
    void poisonRefundRequestsGoToTheDeadLetterTopicAndTheNextOnesAreRefunded() throws Exception {
        UUID unknown = UUID.randomUUID();
        bookingService.stubFor(get(urlEqualTo("/internal/bookings/" + unknown)).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/problem+json")
                .withBody("{\"status\":404,\"code\":\"BOOKING_NOT_FOUND\"}")));
        UUID paid = paidBooking(user);

        kafka.send(REFUND_REQUESTS, "garbage", "{not json").get();
        sendRefundRequest(unknown);
        sendRefundRequest(paid);

        await().atMost(Duration.ofSeconds(60)).until(() -> "RECORDED".equals(state(paid)));
        try (Consumer<String, String> deadLetters = consumers.createConsumer("payment-dlt-it-" + RUN, "dlt")) {
            TopicPartition partition = new TopicPartition(REFUND_DEAD_LETTERS, 0);
            deadLetters.assign(List.of(partition));
            deadLetters.seekToBeginning(List.of(partition));
            List<String> keys = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                for (ConsumerRecord<String, String> record : deadLetters.poll(Duration.ofMillis(500))) {
                    keys.add(record.key());
                }
                return keys.size() >= 2;
            });
            assertThat(keys).containsExactlyInAnyOrder("garbage", unknown.toString());
        }
    }

    @Test
    void aBookingServiceWithoutTheRefundEndpointIsUnavailableNotARefusal() throws Exception {
        UUID booking = paidBooking(user);
        // an older booking-service: Spring's own 404 for an unknown path, not BOOKING_NOT_FOUND
        bookingService.stubFor(post(urlEqualTo("/internal/bookings/" + booking + "/refund")).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/problem+json")
                .withBody("{\"status\":404,\"code\":\"NOT_FOUND\"}")));

        HttpResponse<String> answer = refund(user, booking, "key-old");

        assertThat(answer.statusCode()).isEqualTo(503);
        assertThat(state(booking)).as("the money is back; recording it waits for booking-service")
                .isEqualTo("PROVIDER_REFUNDED");
        assertThat(providerRefunds(booking)).isEqualTo(1);
    }

    @Test
    void aRecordBookingServiceRefusesFailsTheRefundForSomeoneToLookAt() throws Exception {
        UUID booking = paidBooking(user);
        bookingService.stubFor(post(urlEqualTo("/internal/bookings/" + booking + "/refund")).willReturn(aResponse().withStatus(409)
                .withHeader("Content-Type", "application/problem+json")
                .withBody("{\"status\":409,\"code\":\"BOOKING_NOT_CONFIRMED\"}")));
        double refusedBefore = counter("refunds.failed", "cause", "refused");

        HttpResponse<String> answer = refund(user, booking, "key-refused");
        HttpResponse<String> retry = refund(user, booking, "key-refused");

        assertThat(answer.statusCode()).isEqualTo(502);
        assertThat(retry.statusCode()).as("5xx answers are not stored, the refund stays failed").isEqualTo(502);
        assertThat(state(booking)).isEqualTo("FAILED");
        assertThat(jdbc.sql("SELECT failure FROM refunds WHERE booking_id = ?").param(booking).query(String.class).single())
                .contains("NOT_CONFIRMED");
        assertThat(counter("refunds.failed", "cause", "refused")).isEqualTo(refusedBefore + 1);
    }

    @Test
    void theConsumerCommitsEachRecordAfterItsWork() {
        assertThat(listeners.getListenerContainer(REFUND_GROUP).getContainerProperties().getAckMode())
                .isEqualTo(AckMode.RECORD);
    }

    @Test
    void payingABookingOfACancelledEventIs409EventCancelled() throws Exception {
        UUID liveHold = UUID.randomUUID();
        UUID cancelledHold = UUID.randomUUID();
        stubBooking(view(liveHold, user, "RESERVED", Instant.now().plusSeconds(3_600), true));
        stubBooking(view(cancelledHold, user, "CANCELLED", Instant.now().plusSeconds(3_600), true));

        for (UUID hold : List.of(liveHold, cancelledHold)) {
            HttpResponse<String> answer = pay(hold, "pay-" + hold);
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(409);
            assertThat(answer.body()).contains("\"code\":\"EVENT_CANCELLED\"");
        }
        assertThat(jdbc.sql("SELECT count(*) FROM payment_attempts WHERE booking_id IN (?, ?)")
                .params(liveHold, cancelledHold).query(Integer.class).single()).isZero();
    }

    // --- fixtures ---

    /** A CONFIRMED booking paid through this service (attempt CONFIRMED, a charge at the provider), refundable. */
    private UUID paidBooking(String owner) {
        return paidBooking(owner, Instant.now().plusSeconds(3_600), false);
    }

    private UUID paidBooking(String owner, Instant refundDeadline, boolean eventCancelled) {
        UUID bookingId = UUID.randomUUID();
        UUID attempt = UUID.randomUUID();
        String charge = provider.charge(attempt.toString(), PRICE, "tok_visa").chargeId();
        jdbc.sql("""
                INSERT INTO payment_attempts (attempt_id, booking_id, user_id, event_id, amount_cents, payment_token,
                                              state, provider_charge_id, outcome_code)
                VALUES (?, ?, ?, ?, ?, 'tok_visa', 'CONFIRMED', ?, 'CONFIRMED')
                """).params(attempt, bookingId, owner, eventId, PRICE, charge).update();
        Map<String, Object> view = view(bookingId, owner, "CONFIRMED", refundDeadline, eventCancelled);
        view.put("payment_id", attempt.toString());
        stubBooking(view);
        bookingService.stubFor(post(urlEqualTo("/internal/bookings/" + bookingId + "/refund"))
                .willReturn(okJson(MessageJson.mapper().writeValueAsString(Map.of("booking_id", bookingId.toString(),
                        "status", "REFUNDED")))));
        return bookingId;
    }

    private Map<String, Object> view(UUID bookingId, String owner, String status, Instant refundDeadline,
            boolean eventCancelled) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("booking_id", bookingId.toString());
        view.put("event_id", eventId);
        view.put("user_id", owner);
        view.put("status", status);
        view.put("ticket_ids", List.of(1L, 2L));
        view.put("total_cents", PRICE);
        view.put("expires_at", Instant.now().plusSeconds(300).toString());
        view.put("refund_deadline", refundDeadline.toString());
        view.put("event_cancelled", eventCancelled);
        // a field booking-service may add later is ignored
        view.put("checked_in", false);
        return view;
    }

    private void stubBooking(Map<String, Object> view) {
        MappingBuilder read = get(urlEqualTo("/internal/bookings/" + view.get("booking_id")));
        bookingService.stubFor(read.willReturn(okJson(MessageJson.mapper().writeValueAsString(view))));
    }

    private void insertRefund(UUID refundId, UUID bookingId, String state) {
        String paymentId = jdbc.sql("SELECT attempt_id::text FROM payment_attempts WHERE booking_id = ?").param(bookingId)
                .query(String.class).single();
        jdbc.sql("""
                INSERT INTO refunds (refund_id, booking_id, event_id, user_id, payment_id, provider_charge_id,
                                     amount_cents, reason, requested_by, state, lease_until)
                VALUES (?, ?, ?, ?, ?, ?, ?, 'REQUESTED_BY_CUSTOMER', ?, ?, now() - interval '1 second')
                """).params(refundId, bookingId, eventId, user, paymentId, chargeOf(bookingId), PRICE, user, state).update();
    }

    private void claimKey(UUID request, UUID refundId, UUID bookingId, String key) {
        jdbc.sql("INSERT INTO idempotency_keys (user_id, operation, idempotency_key, request_hash, attempt_id, status) "
                        + "VALUES (?, 'REFUND', ?, ?, ?, 'IN_PROGRESS')")
                .params(user, key, new FanRefunds.RefundCommand(bookingId, user, key, null).fingerprint(), request)
                .update();
        jdbc.sql("INSERT INTO refund_requests (request_id, refund_id) VALUES (?, ?)").params(request, refundId).update();
    }

    private String chargeOf(UUID bookingId) {
        return jdbc.sql("SELECT provider_charge_id FROM payment_attempts WHERE booking_id = ?").param(bookingId)
                .query(String.class).single();
    }

    private void sendRefundRequest(UUID bookingId) throws Exception {
        RefundRequested request = new RefundRequested(bookingId, eventId, user, null, PRICE, RefundRequested.EVENT_CANCELLED,
                Instant.now());
        kafka.send(REFUND_REQUESTS, bookingId.toString(), MessageJson.mapper().writeValueAsString(request)).get();
    }

    /** Refunds at the provider of the booking's charge (any key). */
    private int providerRefunds(UUID bookingId) {
        return jdbc.sql("SELECT count(*) FROM " + PROVIDER_SCHEMA + ".refunds r JOIN payment_attempts a "
                        + "ON r.charge_id = a.provider_charge_id WHERE a.booking_id = ?")
                .param(bookingId).query(Integer.class).single();
    }

    private int recordsAtBooking(UUID bookingId) {
        return bookingService.findAll(postRequestedFor(urlEqualTo("/internal/bookings/" + bookingId + "/refund"))).size();
    }

    private void assertRecordedAtBooking(UUID bookingId, String refundId) {
        bookingService.verify(postRequestedFor(urlEqualTo("/internal/bookings/" + bookingId + "/refund"))
                .withRequestBody(equalToJson("{\"refund_id\":\"" + refundId + "\",\"amount_cents\":" + PRICE + "}")));
    }

    private String state(UUID bookingId) {
        return jdbc.sql("SELECT state FROM refunds WHERE booking_id = ?").param(bookingId).query(String.class)
                .optional().orElse(null);
    }

    private String refundIdOf(UUID bookingId) {
        return jdbc.sql("SELECT refund_id::text FROM refunds WHERE booking_id = ?").param(bookingId).query(String.class)
                .single();
    }

    private double counter(String name, String... tags) {
        var counter = meters.find(name).tags(tags).counter();
        return counter == null ? 0 : counter.count();
    }

    private interface Call {
        HttpResponse<String> call(int i) throws Exception;
    }

    private static List<HttpResponse<String>> race(int callers, Call call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Callable<HttpResponse<String>>> calls = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                int n = i;
                calls.add(() -> {
                    start.await();
                    return call.call(n);
                });
            }
            List<Future<HttpResponse<String>>> futures = new ArrayList<>();
            for (Callable<HttpResponse<String>> c : calls) {
                futures.add(pool.submit(c));
            }
            start.countDown();
            List<HttpResponse<String>> answers = new ArrayList<>();
            for (Future<HttpResponse<String>> answer : futures) {
                answers.add(answer.get());
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }

    private HttpResponse<String> refund(String userId, UUID bookingId, String key) throws Exception {
        return send(userId, bookingId, key, null);
    }

    private HttpResponse<String> send(String userId, UUID bookingId, String key, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/api/v1/bookings/" + bookingId + "/refund"))
                .timeout(Duration.ofSeconds(60))
                .header("X-User-Id", userId);
        if (body == null) {
            request.POST(HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        }
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> pay(UUID bookingId, String key) throws Exception {
        Instant now = Instant.now();
        String token = AdmissionTokenCodec.fromSecret(System.getenv("TICKETING_ADMISSION_SECRET"), Clock.systemUTC())
                .encode(new AdmissionToken(user, eventId, now, now.plusSeconds(600), UUID.randomUUID().toString()));
        return http.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/api/v1/bookings/" + bookingId + "/payment"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("X-User-Id", user)
                .header("X-Admission-Token", token)
                .header("Idempotency-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString("{\"payment_token\":\"tok_visa\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
    }
}
