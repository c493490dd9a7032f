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
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.cloud.gateway.filter.factory.cache.GlobalLocalResponseCacheGatewayFilter;
import org.springframework.cloud.gateway.filter.factory.cache.LocalResponseCacheGatewayFilterFactory;
import org.springframework.context.ApplicationContext;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;

import io.surge.ticketing.contracts.web.ServiceCredential;

/**
 * The gateway as a whole, in-process, in front of stand-in upstreams on loopback ports of its own: a service that
 * records what it receives, a service that answers too late, and a port nobody listens on. Needs the local stack's
 * Redis and JWT key files (from the environment), and touches only {@code test:gw:rl:*} keys.
 */
@AutoConfigureWebTestClient
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class EdgeRoutingIntegrationTests {

    private static final Map<String, String> received = new ConcurrentHashMap<>();
    private static final HttpServer recording = server(0);
    private static final HttpServer slow = server(4_000);

    @DynamicPropertySource
    static void upstreams(DynamicPropertyRegistry registry) {
        registry.add("TICKETING_BOOKING_URL", () -> "http://127.0.0.1:" + recording.getAddress().getPort());
        registry.add("TICKETING_CATALOG_URL", () -> "http://127.0.0.1:" + slow.getAddress().getPort());
        registry.add("TICKETING_SEARCH_URL", () -> "http://127.0.0.1:1");
        registry.add("ticketing.gateway.ratelimit.key-prefix", () -> "test:gw:rl:");
        registry.add("management.tracing.enabled", () -> "false");
        registry.add("ticketing.service-auth.secret", () -> SERVICE_SECRET);
    }

    private static final String SERVICE_SECRET = "a-service-secret-of-at-least-32-bytes-for-tests";

    @AfterAll
    static void stopUpstreams() {
        recording.stop(0);
        slow.stop(0);
    }

    @LocalServerPort
    int port;

    @Autowired
    WebTestClient web;

    @Autowired
    ApplicationContext context;

    private WebTestClient client() {
        return web.mutate().responseTimeout(Duration.ofSeconds(20)).build();
    }

    @Test
    void gatewaysOwnLocalResponseCacheIsNeverEnabled() {
        // CVE-2026-59426 and CVE-2026-59427 are unfixed in Spring Cloud Gateway 5.0.4's LocalResponseCache: neither
        // its route filter nor its global filter may exist (application.yml turns it off explicitly).
        assertThat(context.getBeanNamesForType(LocalResponseCacheGatewayFilterFactory.class)).isEmpty();
        assertThat(context.getBeanNamesForType(GlobalLocalResponseCacheGatewayFilter.class)).isEmpty();
    }

    @Test
    void identityHeadersComeFromTheVerifiedJwtAndNeverFromTheClient() {
        client().get().uri("/api/v1/bookings/42")
                .header("Authorization", "Bearer " + jwt("fan-7", List.of("vip", "early")))
                .header("X-User-Id", "admin").header("X-User-Roles", "admin")
                .exchange()
                .expectStatus().isOk();

        assertThat(received.get("path")).isEqualTo("/api/v1/bookings/42");
        assertThat(received.get("X-User-Id")).isEqualTo("fan-7");
        assertThat(received.get("X-User-Roles")).isEqualTo("vip,early");
    }

    @Test
    void everyRoutedCallCarriesTheGatewaysCredentialForItsIdentityAndNoClientCopy() {
        ServiceCredential credentials = new ServiceCredential(SERVICE_SECRET, java.time.Clock.systemUTC());
        client().get().uri("/api/v1/bookings/43")
                .header("Authorization", "Bearer " + jwt("fan-8", List.of()))
                .header(ServiceCredential.HEADER, "gateway-service.1.forged")
                .exchange().expectStatus().isOk();

        String credential = received.get(ServiceCredential.HEADER);
        assertThat(credential).startsWith("gateway-service.").isNotEqualTo("gateway-service.1.forged");
        assertThat(credentials.verify(credential, "fan-8", "")).isTrue();
        assertThat(credentials.verify(credential, "someone-else", "")).as("bound to the identity").isFalse();
    }

    @Test
    void rolesThatAreNotPlainNamesGrantNothing() {
        client().post().uri("/api/v1/admin/venues").header("Authorization", "Bearer " + jwt("fan-9", List.of("ops,admin", "ADMIN")))
                .exchange().expectStatus().isForbidden()
                .expectBody().jsonPath("$.code").isEqualTo("FORBIDDEN");
        client().get().uri("/api/v1/bookings/44")
                .header("Authorization", "Bearer " + jwt("fan-9", List.of("ops,admin", "ADMIN", "vip")))
                .exchange().expectStatus().isOk();
        assertThat(received.get("X-User-Roles")).isEqualTo("vip");
    }

    @Test
    void aTokenIssuedForAnotherApplicationIsRefused() {
        client().post().uri("/api/v1/admin/venues")
                .header("Authorization", "Bearer " + jwt("admin-x", List.of("admin"), claims -> claims.audience("other-app")))
                .exchange().expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.code").isEqualTo("UNAUTHORIZED");
        client().get().uri("/api/v1/bookings/45")
                .header("Authorization", "Bearer " + jwt("fan-10", List.of(), claims -> claims.audience("ticketing-api")))
                .exchange().expectStatus().isOk();
    }

    @Test
    void aPathTheFirewallRefusesIsA400Problem() {
        client().get().uri(java.net.URI.create("http://localhost:" + port + "/api/v1/events/%22%3B%20DROP"))
                .exchange().expectStatus().isBadRequest()
                .expectHeader().contentType("application/problem+json")
                .expectBody().jsonPath("$.code").isEqualTo("VALIDATION_FAILED");
    }

    @Test
    void aTooLongRequestLineIsA414Problem() {
        client().get().uri("/api/v1/events/search?q=" + "x".repeat(10_000))
                .exchange().expectStatus().isEqualTo(414)
                .expectHeader().contentType("application/problem+json")
                .expectBody().jsonPath("$.code").isEqualTo("URI_TOO_LONG");
    }

    /** A client that writes its whole (too large) body before reading gets the 413 problem, not a reset. */
    @Test
    void aTooLargeBodyWrittenInFullIsAnswered413() throws Exception {
        byte[] body = new byte[5 * 1024 * 1024];
        java.util.Arrays.fill(body, (byte) 'x');
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
            socket.setSoTimeout(20_000);
            var out = socket.getOutputStream();
            out.write(("POST /api/v1/bookings/1/payment HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
            assertThat(answer).startsWith("HTTP/1.1 413").contains("application/problem+json").contains("PAYLOAD_TOO_LARGE");
        }
    }

    @Test
    void anUnreachableServiceIsA503Problem() {
        client().get().uri("/api/v1/events/search?q=x").exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().contentType("application/problem+json")
                .expectBody().jsonPath("$.code").isEqualTo("SERVICE_UNAVAILABLE");
    }

    @Test
    void aServiceThatAnswersTooLateIsA503ProblemToRetry() {
        client().get().uri("/api/v1/events/9").exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().valueEquals("Retry-After", "2")
                .expectBody().jsonPath("$.code").isEqualTo("UPSTREAM_TIMEOUT");
    }

    @Test
    void unknownPathsAndMissingTokensAreProblemsToo() {
        client().get().uri("/api/v1/nowhere").header("Authorization", "Bearer " + jwt("fan-1", List.of()))
                .exchange().expectStatus().isNotFound()
                .expectBody().jsonPath("$.code").isEqualTo("NOT_FOUND");
        client().get().uri("/api/v1/bookings/1").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().valueEquals("WWW-Authenticate", "Bearer")
                .expectBody().jsonPath("$.code").isEqualTo("UNAUTHORIZED");
        client().post().uri("/api/v1/admin/venues").header("Authorization", "Bearer " + jwt("fan-1", List.of()))
                .exchange().expectStatus().isForbidden()
                .expectBody().jsonPath("$.code").isEqualTo("FORBIDDEN");
    }

    @Test
    void theLocalTokenEndpointDoesNotExistOutsideTheLocalProfile() {
        client().post().uri("/api/v1/auth/token").bodyValue(Map.of("user_id", "u-1"))
                .header("Content-Type", "application/json")
                .exchange().expectStatus().isNotFound();
    }

    private static String jwt(String subject, List<String> roles) {
        return jwt(subject, roles, claims -> { });
    }

    private static String jwt(String subject, List<String> roles, java.util.function.Consumer<JWTClaimsSet.Builder> more) {
        try {
            String pem = Files.readString(Path.of(System.getenv("TICKETING_JWT_PRIVATE_KEY")))
                    .replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").replaceAll("\\s", "");
            RSAPrivateKey key = (RSAPrivateKey) KeyFactory.getInstance("RSA")
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
            JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().subject(subject).issuer(System.getenv("TICKETING_JWT_ISSUER"))
                    .expirationTime(Date.from(Instant.now().plusSeconds(600))).claim("roles", roles);
            more.accept(claims);
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(System.getenv("TICKETING_JWT_KID")).build(),
                    claims.build());
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static HttpServer server(long delayMillis) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", exchange -> {
                if (delayMillis > 0) {
                    try {
                        Thread.sleep(delayMillis);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                } else {
                    received.put("path", exchange.getRequestURI().getPath());
                    received.put("X-User-Id", String.valueOf(exchange.getRequestHeaders().getFirst("X-User-Id")));
                    received.put("X-User-Roles", String.valueOf(exchange.getRequestHeaders().getFirst("X-User-Roles")));
                    received.put(ServiceCredential.HEADER, String.valueOf(exchange.getRequestHeaders().getFirst(ServiceCredential.HEADER)));
                }
                byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                try {
                    exchange.sendResponseHeaders(200, body.length);
                    exchange.getResponseBody().write(body);
                } catch (IOException e) {
                    // the gateway gave up first, as it should
                }
                exchange.close();
            });
            server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
