package io.surge.ticketing.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.surge.ticketing.contracts.admission.AdmissionToken;
import io.surge.ticketing.contracts.admission.AdmissionTokenCodec;

/**
 * The routes and role rules of the journey after the sale, through the whole gateway in-process, in front of
 * stand-ins for booking, payment and catalog that record what reaches them: refunds go to payment (never retried),
 * door scans and the sales report go to booking (not to the catalog's admin catch-all), door staff may scan and do
 * nothing else, and a fan's bookings, tickets and QR images pass the edge untouched. Needs the local stack's Redis
 * (rate-limit buckets under {@code test:gw:rl:}) and JWT key files, from the environment.
 */
@AutoConfigureWebTestClient
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class AfterTheSaleRoutesIntegrationTests {

    private static final String ADMISSION_SECRET = "an-admission-secret-of-at-least-32-bytes!";
    private static final byte[] PNG = png();

    private static final Upstream booking = new Upstream("booking");
    private static final Upstream payment = new Upstream("payment");
    private static final Upstream catalog = new Upstream("catalog");

    @DynamicPropertySource
    static void upstreams(DynamicPropertyRegistry registry) {
        registry.add("TICKETING_BOOKING_URL", booking::url);
        registry.add("TICKETING_PAYMENT_URL", payment::url);
        registry.add("TICKETING_CATALOG_URL", catalog::url);
        registry.add("ticketing.gateway.ratelimit.key-prefix", () -> "test:gw:rl:");
        registry.add("management.tracing.enabled", () -> "false");
        registry.add("ticketing.service-auth.secret", () -> "a-service-secret-of-at-least-32-bytes-for-tests");
        registry.add("ticketing.admission.secret", () -> ADMISSION_SECRET);
    }

    @AfterAll
    static void stopUpstreams() {
        booking.server.stop(0);
        payment.server.stop(0);
        catalog.server.stop(0);
    }

    @Autowired
    WebTestClient web;

    private WebTestClient client;

    @BeforeEach
    void forget() {
        client = web.mutate().responseTimeout(Duration.ofSeconds(30)).build();
        booking.requests.clear();
        payment.requests.clear();
        catalog.requests.clear();
    }

    @Test
    void aRefundGoesToPaymentWithItsIdempotencyKey_withoutAnAdmissionToken() {
        UUID bookingId = UUID.randomUUID();

        client.post().uri("/api/v1/bookings/{id}/refund", bookingId)
                .header("Authorization", "Bearer " + jwt("fan-r1", List.of()))
                .header("Idempotency-Key", "refund-key-1")
                .exchange()
                .expectStatus().isOk();

        assertThat(payment.requests).singleElement().satisfies(r -> {
            assertThat(r.method()).isEqualTo("POST");
            assertThat(r.path()).isEqualTo("/api/v1/bookings/" + bookingId + "/refund");
            assertThat(r.header("Idempotency-Key")).isEqualTo("refund-key-1");
            assertThat(r.header("X-User-Id")).isEqualTo("fan-r1");
        });
        assertThat(booking.requests).isEmpty();
    }

    @Test
    void aRefundThatFailsUpstreamIsNeverRetriedByTheEdge() {
        client.post().uri("/api/v1/bookings/{id}/refund", "failing")
                .header("Authorization", "Bearer " + jwt("fan-r2", List.of()))
                .header("Idempotency-Key", "refund-key-2")
                .exchange()
                .expectStatus().isEqualTo(502);

        assertThat(payment.requests).as("a refund is a POST: sent once").hasSize(1);
    }

    @Test
    void doorScansAndTheSalesReportGoToBooking_andTheRestOfTheAdminApiStillToTheCatalog() {
        String admin = jwt("organizer-1", List.of("admin"));

        client.post().uri("/api/v1/admin/events/77/check-ins").header("Authorization", "Bearer " + admin)
                .header("Content-Type", "application/json").bodyValue("{\"code\":\"t1.abc\"}")
                .exchange().expectStatus().isOk();
        client.get().uri("/api/v1/admin/events/77/sales").header("Authorization", "Bearer " + admin)
                .exchange().expectStatus().isOk();
        client.patch().uri("/api/v1/admin/events/77").header("Authorization", "Bearer " + admin)
                .header("Content-Type", "application/json").bodyValue("{\"name\":\"x\"}")
                .exchange().expectStatus().isOk();

        assertThat(booking.requests).extracting(Recorded::method, Recorded::path).containsExactly(
                org.assertj.core.groups.Tuple.tuple("POST", "/api/v1/admin/events/77/check-ins"),
                org.assertj.core.groups.Tuple.tuple("GET", "/api/v1/admin/events/77/sales"));
        assertThat(booking.requests.peek().body()).isEqualTo("{\"code\":\"t1.abc\"}");
        assertThat(catalog.requests).extracting(Recorded::path).containsExactly("/api/v1/admin/events/77");
    }

    @Test
    void doorStaffMayCheckTicketsInAndCallNoOtherAdminApi() {
        String scanner = jwt("door-3", List.of("scanner"));

        client.post().uri("/api/v1/admin/events/78/check-ins").header("Authorization", "Bearer " + scanner)
                .header("Content-Type", "application/json").bodyValue("{\"code\":\"t1.def\"}")
                .exchange().expectStatus().isOk();
        assertThat(booking.requests).singleElement()
                .satisfies(r -> assertThat(r.header("X-User-Roles")).isEqualTo("scanner"));

        client.get().uri("/api/v1/admin/events/78/sales").header("Authorization", "Bearer " + scanner)
                .exchange().expectStatus().isForbidden().expectBody().jsonPath("$.code").isEqualTo("FORBIDDEN");
        client.get().uri("/api/v1/admin/events/78/check-ins").header("Authorization", "Bearer " + scanner)
                .exchange().expectStatus().isForbidden();
        client.put().uri("/api/v1/admin/events/78/waiting-room").header("Authorization", "Bearer " + scanner)
                .header("Content-Type", "application/json").bodyValue("{}")
                .exchange().expectStatus().isForbidden();
        client.post().uri("/api/v1/admin/venues").header("Authorization", "Bearer " + scanner)
                .header("Content-Type", "application/json").bodyValue("{}")
                .exchange().expectStatus().isForbidden();
        client.delete().uri("/api/v1/admin/events/78").header("Authorization", "Bearer " + scanner)
                .exchange().expectStatus().isForbidden();
        assertThat(booking.requests).hasSize(1);
        assertThat(catalog.requests).isEmpty();
    }

    @Test
    void aFanOrAnAnonymousCallerMayNotCheckIn() {
        client.post().uri("/api/v1/admin/events/79/check-ins").header("Authorization", "Bearer " + jwt("fan-9", List.of("vip")))
                .header("Content-Type", "application/json").bodyValue("{\"code\":\"t1.ghi\"}")
                .exchange().expectStatus().isForbidden().expectBody().jsonPath("$.code").isEqualTo("FORBIDDEN");
        client.post().uri("/api/v1/admin/events/79/check-ins")
                .header("Content-Type", "application/json").bodyValue("{\"code\":\"t1.ghi\"}")
                .exchange().expectStatus().isUnauthorized();

        assertThat(booking.requests).isEmpty();
    }

    @Test
    void myBookingsTicketsAndQrImagesPassTheEdgeUntouched() {
        String fan = jwt("fan-q" + ThreadLocalRandom.current().nextInt(1_000_000), List.of());
        UUID bookingId = UUID.randomUUID();

        client.get().uri("/api/v1/bookings?event_id=5&status=CONFIRMED&page=2&size=10")
                .header("Authorization", "Bearer " + fan)
                .exchange().expectStatus().isOk();
        client.get().uri("/api/v1/bookings/{id}/tickets", bookingId).header("Authorization", "Bearer " + fan)
                .exchange().expectStatus().isOk();
        for (int i = 0; i < 2; i++) {
            byte[] image = client.get().uri("/api/v1/bookings/{id}/tickets/{ticket}/qr", bookingId, "4200000017")
                    .header("Authorization", "Bearer " + fan).header("Accept", "image/png")
                    .exchange()
                    .expectStatus().isOk()
                    .expectHeader().contentType("image/png")
                    .expectHeader().valueEquals("Cache-Control", "private, max-age=300")
                    .expectBody(byte[].class).returnResult().getResponseBody();
            assertThat(image).as("the image's bytes, unchanged").isEqualTo(PNG);
        }

        assertThat(booking.requests).extracting(Recorded::path).containsExactly("/api/v1/bookings",
                "/api/v1/bookings/" + bookingId + "/tickets", "/api/v1/bookings/" + bookingId + "/tickets/4200000017/qr",
                "/api/v1/bookings/" + bookingId + "/tickets/4200000017/qr");
        assertThat(booking.requests.peek().query()).isEqualTo("event_id=5&status=CONFIRMED&page=2&size=10");
        assertThat(List.copyOf(booking.requests).get(2).header("Accept")).isEqualTo("image/png");
    }

    @Test
    void aHoldIsPaidWithTheFansOwnAdmissionTokenEvenExpired_butReleasedOnlyWithALiveOne() {
        AdmissionTokenCodec codec = AdmissionTokenCodec.fromSecret(ADMISSION_SECRET, Clock.systemUTC());
        Instant now = Instant.now();
        String expired = codec.encode(new AdmissionToken("fan-p1", 9, now.minusSeconds(900), now.minusSeconds(5), "j1"));
        String fan = jwt("fan-p1", List.of());

        client.post().uri("/api/v1/bookings/{id}/payment", UUID.randomUUID()).header("Authorization", "Bearer " + fan)
                .header("X-Admission-Token", expired).header("Idempotency-Key", "pay-1")
                .header("Content-Type", "application/json").bodyValue("{\"payment_token\":\"tok_visa\"}")
                .exchange().expectStatus().isOk();
        client.post().uri("/api/v1/bookings/{id}/payment", UUID.randomUUID())
                .header("Authorization", "Bearer " + jwt("fan-p2", List.of()))
                .header("X-Admission-Token", expired).header("Idempotency-Key", "pay-2")
                .header("Content-Type", "application/json").bodyValue("{\"payment_token\":\"tok_visa\"}")
                .exchange().expectStatus().isForbidden().expectBody().jsonPath("$.code").isEqualTo("ADMISSION_WRONG_USER");
        client.delete().uri("/api/v1/bookings/{id}", UUID.randomUUID()).header("Authorization", "Bearer " + fan)
                .header("X-Admission-Token", expired)
                .exchange().expectStatus().isForbidden().expectBody().jsonPath("$.code").isEqualTo("ADMISSION_EXPIRED");

        assertThat(payment.requests).hasSize(1);
        assertThat(booking.requests).isEmpty();
    }

    /** What an upstream received. */
    record Recorded(String method, String path, String query, Map<String, String> headers, String body) {

        String header(String name) {
            return headers.get(name.toLowerCase());
        }
    }

    /** A stand-in service on a loopback port of its own that records every request. */
    static final class Upstream {

        final HttpServer server;
        final ConcurrentLinkedQueue<Recorded> requests = new ConcurrentLinkedQueue<>();

        Upstream(String name) {
            try {
                server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            server.createContext("/", this::answer);
            server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
            server.start();
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort();
        }

        private void answer(HttpExchange exchange) throws IOException {
            Map<String, String> headers = new ConcurrentHashMap<>();
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), String.join(",", values)));
            String path = exchange.getRequestURI().getPath();
            requests.add(new Recorded(exchange.getRequestMethod(), path, exchange.getRequestURI().getRawQuery(), headers,
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            int status = path.contains("/failing/") ? 502 : 200;
            byte[] body;
            if (path.endsWith("/qr")) {
                body = PNG;
                exchange.getResponseHeaders().add("Content-Type", "image/png");
                exchange.getResponseHeaders().add("Cache-Control", "private, max-age=300");
            } else {
                body = "{}".getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
            }
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        }
    }

    /** A PNG signature followed by every byte value: nothing on the way may treat the body as text. */
    private static byte[] png() {
        byte[] bytes = new byte[8 + 256 * 4];
        byte[] signature = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
        System.arraycopy(signature, 0, bytes, 0, 8);
        for (int i = 8; i < bytes.length; i++) {
            bytes[i] = (byte) (i * 7);
        }
        return bytes;
    }

    private static String jwt(String subject, List<String> roles) {
        try {
            String pem = Files.readString(Path.of(System.getenv("TICKETING_JWT_PRIVATE_KEY")))
                    .replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").replaceAll("\\s", "");
            RSAPrivateKey key = (RSAPrivateKey) KeyFactory.getInstance("RSA")
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
            JWTClaimsSet claims = new JWTClaimsSet.Builder().subject(subject).issuer(System.getenv("TICKETING_JWT_ISSUER"))
                    .expirationTime(Date.from(Instant.now().plusSeconds(600))).claim("roles", roles).build();
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256)
                    .keyID(System.getenv("TICKETING_JWT_KID")).build(), claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
