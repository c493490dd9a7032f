package io.surge.ticketing.gateway.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.sun.net.httpserver.HttpServer;

/**
 * The edge cache in the whole gateway, in front of a stand-in service that counts what reaches it and answers each
 * path with the caching headers a real service would (or would not) send. Every test uses paths of its own, so
 * the kept answers of one never serve another.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class EdgeCacheIntegrationTests {

    private static final Map<String, AtomicInteger> served = new ConcurrentHashMap<>();
    private static final HttpServer origin = origin();
    private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @DynamicPropertySource
    static void upstreams(DynamicPropertyRegistry registry) {
        String url = "http://127.0.0.1:" + origin.getAddress().getPort();
        registry.add("TICKETING_BOOKING_URL", () -> url);
        registry.add("TICKETING_CATALOG_URL", () -> url);
        registry.add("TICKETING_WAITING_ROOM_URL", () -> url);
        registry.add("ticketing.gateway.ratelimit.enabled", () -> "false");
        registry.add("management.tracing.enabled", () -> "false");
    }

    @AfterAll
    static void stopOrigin() {
        origin.stop(0);
    }

    @LocalServerPort
    int port;

    @Test
    void aPublicAnswerIsServedFromTheEdgeWhileFresh_withItsAgeAndValidators() throws Exception {
        HttpResponse<String> first = get("/api/v1/events/101/availability");
        HttpResponse<String> second = get("/api/v1/events/101/availability");

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(second.body()).isEqualTo(first.body()).contains("\"path\":\"/api/v1/events/101/availability\"");
        assertThat(second.headers().firstValue("ETag")).isEqualTo(first.headers().firstValue("ETag"));
        assertThat(second.headers().firstValue("Cache-Control")).hasValue("max-age=2, public");
        assertThat(second.headers().firstValue("Age")).isPresent();
        assertThat(second.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(served("/api/v1/events/101/availability")).isEqualTo(1);
    }

    @Test
    void aMatchingIfNoneMatchIsAnswered304AtTheEdge_andTheServiceIsAlwaysAskedForTheWholeAnswer() throws Exception {
        String etag = get("/api/v1/events/102/availability").headers().firstValue("ETag").orElseThrow();

        HttpResponse<String> notModified = get("/api/v1/events/102/availability", "If-None-Match", etag);
        HttpResponse<String> otherVersion = get("/api/v1/events/102/availability", "If-None-Match", "\"old\"");

        assertThat(notModified.statusCode()).isEqualTo(304);
        assertThat(notModified.body()).isEmpty();
        assertThat(notModified.headers().firstValue("ETag")).hasValue(etag);
        assertThat(otherVersion.statusCode()).isEqualTo(200);
        assertThat(served("/api/v1/events/102/availability")).isEqualTo(1);

        // a first request that is conditional still fills the cache with the whole answer
        HttpResponse<String> conditionalMiss = get("/api/v1/events/103/availability", "If-None-Match", "\"v-103-j\"");
        assertThat(conditionalMiss.statusCode()).isEqualTo(304);
        assertThat(get("/api/v1/events/103/availability").statusCode()).isEqualTo(200);
        assertThat(served("/api/v1/events/103/availability")).isEqualTo(1);
    }

    @Test
    void concurrentMissesOfOneKeyReachTheServiceOnce() throws Exception {
        var pool = Executors.newFixedThreadPool(20);
        try {
            List<Integer> statuses = IntStream.range(0, 20)
                    .mapToObj(i -> pool.submit(() -> get("/api/v1/events/104/seatmap").statusCode()))
                    .toList().stream().map(f -> {
                        try {
                            return f.get();
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    }).toList();

            assertThat(statuses).containsOnly(200);
            assertThat(served("/api/v1/events/104/seatmap")).isEqualTo(1);
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void privateNoStoreNoCacheAndCookieAnswersAreNeverKept() throws Exception {
        for (String path : List.of("/api/v1/events/201", "/api/v1/events/202", "/api/v1/events/203",
                "/api/v1/events/204", "/api/v1/events/205")) {
            assertThat(get(path).statusCode()).isEqualTo(200);
            assertThat(get(path).statusCode()).isEqualTo(200);
            assertThat(served(path)).as(path).isEqualTo(2);
        }
    }

    @Test
    void routesOutsideThePublicListAreNeverKept_evenWhenTheServiceSaysPublic() throws Exception {
        // a fan's own queue entry: per user, answered no-store by the service, and not a public route anyway
        get("/api/v1/waiting-room/301/status");
        get("/api/v1/waiting-room/301/status");
        assertThat(served("/api/v1/waiting-room/301/status")).isZero(); // refused at the edge: no JWT

        get("/api/v1/waiting-room/302/progress");
        get("/api/v1/waiting-room/302/progress");
        assertThat(served("/api/v1/waiting-room/302/progress")).isEqualTo(1);
    }

    @Test
    void aRequestWithATokenIsStillVerifiedBeforeAKeptAnswerIsServed() throws Exception {
        assertThat(get("/api/v1/events/107/availability").statusCode()).isEqualTo(200);

        HttpResponse<String> forged = get("/api/v1/events/107/availability", "Authorization", "Bearer not-a-jwt");

        assertThat(forged.statusCode()).isEqualTo(401);
        assertThat(forged.body()).contains("UNAUTHORIZED");
        assertThat(served("/api/v1/events/107/availability")).isEqualTo(1);
    }

    @Test
    void anAnswerIsAskedForAgainOnceItsMaxAgeHasPassed() throws Exception {
        get("/api/v1/events/105/availability");
        Thread.sleep(2_300);
        get("/api/v1/events/105/availability");
        assertThat(served("/api/v1/events/105/availability")).isEqualTo(2);
    }

    @Test
    void theRepresentationAskedForIsPartOfTheKey() throws Exception {
        HttpResponse<String> json = get("/api/v1/events/106/availability");
        HttpResponse<String> bytes = get("/api/v1/events/106/availability", "Accept", "application/octet-stream");
        assertThat(json.body()).isNotEqualTo(bytes.body());
        assertThat(served("/api/v1/events/106/availability")).isEqualTo(2);
    }

    private HttpResponse<String> get(String path, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(10)).GET();
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static int served(String path) {
        return served.getOrDefault(path, new AtomicInteger()).get();
    }

    /**
     * Answers {@code /api/v1/events/1xx...} public for 2 s with an ETag per path and representation (slowly, so
     * concurrent misses overlap), and {@code /api/v1/events/201..205} with each way a service keeps an answer out of
     * shared caches.
     */
    private static HttpServer origin() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", exchange -> {
                String path = exchange.getRequestURI().getPath();
                served.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
                String accept = String.valueOf(exchange.getRequestHeaders().getFirst("Accept"));
                String id = path.replaceAll("^/api/v1/[a-z-]+/(\\d+).*$", "$1");
                var headers = exchange.getResponseHeaders();
                headers.add("Content-Type", "application/json");
                switch (id) {
                    case "201" -> headers.add("Cache-Control", "private, max-age=60");
                    case "202" -> headers.add("Cache-Control", "no-store");
                    case "203" -> headers.add("Cache-Control", "public, no-cache");
                    case "204" -> {
                        headers.add("Cache-Control", "public, max-age=60");
                        headers.add("Set-Cookie", "session=abc");
                    }
                    case "205" -> { } // no Cache-Control at all
                    default -> {
                        headers.add("Cache-Control", "max-age=2, public");
                        headers.add("ETag", "\"v-" + id + (accept.contains("octet-stream") ? "-b" : "-j") + "\"");
                    }
                }
                try {
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                byte[] body = ("{\"path\":\"" + path + "\",\"accept\":\"" + accept + "\"}").getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.setExecutor(Executors.newCachedThreadPool());
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
