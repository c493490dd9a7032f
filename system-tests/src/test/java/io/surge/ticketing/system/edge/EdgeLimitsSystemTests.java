package io.surge.ticketing.system.edge;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.surge.ticketing.system.Platform;
import io.surge.ticketing.system.Platform.Response;

/**
 * Token buckets at the gateway: a flood from one user, or from one client address, gets 429 with Retry-After while
 * everybody else is still served. Client addresses are simulated with X-Forwarded-For, which the local gateway
 * believes from its trusted local proxy (127.0.0.1) only. Bodies over the limit get 413.
 */
class EdgeLimitsSystemTests {

    private static final Platform platform = Platform.get();
    private static final ExecutorService pool = Executors.newFixedThreadPool(16);
    private static EdgeSale sale;

    @BeforeAll
    static void anEvent() {
        sale = EdgeSale.create(platform, Instant.now().plus(Duration.ofMinutes(10)));
    }

    @AfterAll
    static void stop() {
        pool.shutdownNow();
    }

    private static List<Response> flood(int requests, IntFunction<Response> request) throws Exception {
        List<Future<Response>> futures = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
            int n = i;
            futures.add(pool.submit(() -> request.apply(n)));
        }
        List<Response> responses = new ArrayList<>();
        for (Future<Response> f : futures) {
            responses.add(f.get(60, TimeUnit.SECONDS));
        }
        return responses;
    }

    private static void assertSomeRateLimited(List<Response> responses, String scope) {
        List<Response> limited = responses.stream().filter(r -> r.status() == 429).toList();
        assertThat(limited).as("a flood must be limited").isNotEmpty();
        Response one = limited.get(0);
        assertThat(one.json().get("code").asString()).isEqualTo("RATE_LIMITED");
        assertThat(one.json().get("limit_scope").asString()).isEqualTo(scope);
        assertThat(Long.parseLong(one.header("Retry-After"))).isPositive();
    }

    @Test
    void aFloodFromOneUserIsLimitedWhileAnotherUserIsServed() throws Exception {
        String flooder = platform.token("flooder-" + System.nanoTime());
        String other = platform.token("calm-" + System.nanoTime());

        // each request from its own address, so only the user's bucket can run dry
        List<Response> responses = flood(200, n -> platform.get(sale.statusPath(), flooder,
                "X-Forwarded-For", "10.42." + (n / 250) + "." + (n % 250 + 1)));

        assertSomeRateLimited(responses, "user");
        assertThat(platform.get(sale.statusPath(), other, "X-Forwarded-For", "10.43.0.1").status()).isNotEqualTo(429);
    }

    @Test
    void aFloodFromOneAddressIsLimitedWhileAnotherAddressIsServed() throws Exception {
        String flooding = "10.66." + (System.nanoTime() % 250) + ".7";

        // minting local tokens is a login-like route with a bounded per-address bucket (100/s, burst 200)
        List<Response> responses = flood(800, n -> platform.post("/api/v1/auth/token", null,
                Map.of("user_id", "ip-flood-" + n, "roles", List.of()), "X-Forwarded-For", flooding));

        assertSomeRateLimited(responses, "ip");
        assertThat(responses.stream().filter(r -> r.status() == 200)).isNotEmpty();
        Response elsewhere = platform.post("/api/v1/auth/token", null, Map.of("user_id", "ip-calm", "roles", List.of()),
                "X-Forwarded-For", "10.67.0.9");
        assertThat(elsewhere.status()).isEqualTo(200);
        assertThat(elsewhere.json().get("token_type").asString()).isEqualTo("Bearer");
        assertThat(elsewhere.json().get("expires_in").asInt()).isEqualTo(3600);
        // a minted token is accepted like any other
        assertThat(platform.get(sale.statusPath(), elsewhere.json().get("access_token").asString()).status()).isEqualTo(404);
    }

    @Test
    void aBodyOverTheLimitIsRefusedWith413EvenWhenItLies() {
        String jwt = platform.token("big-body-" + System.nanoTime());
        String big = "{\"event_id\":" + sale.eventId() + ",\"pad\":\"" + "x".repeat(20_000) + "\"}";

        Response response = platform.post("/api/v1/bookings/reserve", jwt, big, "X-Admission-Token", "v1.a.b");

        assertThat(response.status()).isEqualTo(413);
        assertThat(response.json().get("code").asString()).isEqualTo("PAYLOAD_TOO_LARGE");
    }
}
