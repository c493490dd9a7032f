package io.surge.ticketing.system.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.HttpURLConnection;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.surge.ticketing.system.Platform;

/**
 * Issue 5's payment criteria against the running platform: one charge for 100 identical concurrent requests,
 * and no payment lost or doubled by a kill -9 of payment-service between charge and confirm.
 */
class PaymentExactlyOnceSystemTests {

    private HoldFixtures holds;

    @BeforeEach
    void event() throws Exception {
        holds = new HoldFixtures(50);
    }

    @AfterEach
    void cleanUp() throws Exception {
        holds.close();
    }

    @Test
    void aHundredConcurrentIdenticalRequestsChargeOnceAndAllGetTheSameAnswer() throws Exception {
        String user = "pay-sys-" + UUID.randomUUID();
        UUID booking = holds.reserve(1, seat -> user, Instant.now().plusSeconds(300)).get(0);
        String key = UUID.randomUUID().toString();
        ExecutorService pool = Executors.newFixedThreadPool(100);
        List<HttpResponse<String>> answers = new ArrayList<>();
        try {
            List<Future<HttpResponse<String>>> calls = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                calls.add(pool.submit(() -> payUntilSettled(booking, user, key)));
            }
            for (Future<HttpResponse<String>> call : calls) {
                answers.add(call.get());
            }
        } finally {
            pool.shutdownNow();
        }

        Map<String, Long> distinct = answers.stream()
                .collect(Collectors.groupingBy(r -> r.statusCode() + " " + r.body(), Collectors.counting()));
        System.out.println("100 concurrent payments, distinct final answers: " + distinct + " (" + IN_USE_ANSWERS.get()
                + " interim 409 IDEMPOTENCY_KEY_IN_USE answers retried)");
        assertThat(distinct).hasSize(1);
        assertThat(answers.get(0).statusCode()).isEqualTo(200);
        assertThat(holds.charges(booking)).containsExactly("SUCCEEDED");
        assertThat(holds.status(booking)).isEqualTo("CONFIRMED");
        HttpResponse<String> replay = holds.pay(booking, user, key, "tok_visa");
        assertThat(replay.statusCode()).isEqualTo(200);
        assertThat(replay.body()).isEqualTo(answers.get(0).body());
    }

    /**
     * API.md: the same key while the first request still runs answers 409 IDEMPOTENCY_KEY_IN_USE; a client then
     * retries with the same key after Retry-After and gets the stored outcome. Every caller ends with the same answer.
     */
    private HttpResponse<String> payUntilSettled(UUID booking, String user, String key) throws Exception {
        for (int attempt = 0; ; attempt++) {
            HttpResponse<String> answer = holds.pay(booking, user, key, "tok_visa");
            if (answer.statusCode() != 409 || !answer.body().contains("IDEMPOTENCY_KEY_IN_USE") || attempt > 60) {
                return answer;
            }
            IN_USE_ANSWERS.incrementAndGet();
            Thread.sleep(1000L * Long.parseLong(answer.headers().firstValue("Retry-After").orElse("1")));
        }
    }

    private static final java.util.concurrent.atomic.AtomicInteger IN_USE_ANSWERS = new java.util.concurrent.atomic.AtomicInteger();

    @Test
    void aKillBetweenChargeAndConfirmEndsEveryChargedBookingConfirmedOrRefundedAndNoneChargedTwice() throws Exception {
        int payments = 5;
        List<String> users = new ArrayList<>();
        for (int i = 0; i < payments; i++) {
            users.add("pay-crash-" + UUID.randomUUID());
        }
        List<UUID> bookings = holds.reserve(payments, users::get, Instant.now().plusSeconds(300));
        // tok_slow: the provider records the charge, then answers only after its slow delay (3 s locally).
        List<CompletableFuture<Void>> inFlight = new ArrayList<>();
        for (int i = 0; i < payments; i++) {
            UUID booking = bookings.get(i);
            String user = users.get(i);
            inFlight.add(CompletableFuture.runAsync(() -> {
                try {
                    holds.pay(booking, user, "crash-" + booking, "tok_slow");
                } catch (Exception expected) {
                    // the connection dies with the process
                }
            }));
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> allCharged(bookings));

        Platform platform = Platform.get();
        assertThat(platform.launcher("kill", "payment-service")).isZero();
        // not ready: refused (one instance), or the balancer's 503 (replicas: every instance was killed)
        await().atMost(Duration.ofSeconds(10)).until(() -> !ready(9085));
        assertThat(platform.launcher("start", "payment-service")).isZero();
        CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new)).get();

        // The reconciler takes over once the dead worker's lease (ticketing.payment.checkout.attempt-lease) has run out.
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).until(() -> allSettled(bookings));
        for (UUID booking : bookings) {
            List<String> charges = holds.charges(booking);
            assertThat(charges).hasSize(1);
            if ("CONFIRMED".equals(holds.status(booking))) {
                assertThat(charges).containsExactly("SUCCEEDED");
            } else {
                assertThat(charges).containsExactly("REFUNDED");
            }
        }
        // The client's retry with its key gets the settled outcome, without another charge.
        HttpResponse<String> retry = holds.pay(bookings.get(0), users.get(0), "crash-" + bookings.get(0), "tok_slow");
        assertThat(retry.statusCode()).isIn(200, 409);
        assertThat(holds.charges(bookings.get(0))).hasSize(1);
    }

    private boolean allCharged(List<UUID> bookings) throws Exception {
        for (UUID booking : bookings) {
            if (holds.charges(booking).isEmpty()) {
                return false;
            }
        }
        return true;
    }

    private boolean allSettled(List<UUID> bookings) throws Exception {
        for (UUID booking : bookings) {
            boolean confirmed = "CONFIRMED".equals(holds.status(booking));
            boolean refunded = holds.charges(booking).contains("REFUNDED");
            if (!confirmed && !refunded) {
                return false;
            }
        }
        return true;
    }

    private static boolean ready(int managementPort) {
        try {
            HttpURLConnection health = (HttpURLConnection) URI.create("http://127.0.0.1:" + managementPort
                    + "/actuator/health/readiness").toURL().openConnection();
            health.setConnectTimeout(1000);
            health.setReadTimeout(2000);
            return health.getResponseCode() == 200;
        } catch (Exception e) {
            return false;
        }
    }
}
