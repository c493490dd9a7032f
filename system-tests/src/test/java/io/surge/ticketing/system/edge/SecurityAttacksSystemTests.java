package io.surge.ticketing.system.edge;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.surge.ticketing.contracts.web.ServiceCredential;
import io.surge.ticketing.system.Platform;
import io.surge.ticketing.system.Platform.Response;

/**
 * The attacks of the 2026-11-30 security review, run against the running stack as an attacker would: through the
 * gateway, and straight at a service's port as a pod inside the cluster would (docs/security.md lists each).
 */
class SecurityAttacksSystemTests {

    private final Platform platform = Platform.get();

    private static String booking(String path) {
        return "http://127.0.0.1:8084" + path;
    }

    @Test
    void aCallerWithoutTheServiceKeyCannotConfirmABookingOrPickAUser() {
        UUID id = UUID.randomUUID();
        Response confirm = platform.send("POST", booking("/internal/bookings/" + id + "/confirm"), null,
                Map.of("payment_id", "free"));
        assertThat(confirm.status()).isEqualTo(401);
        assertThat(confirm.json().path("code").asString()).isEqualTo("UNAUTHORIZED");

        Response asVictim = platform.send("GET", booking("/api/v1/bookings/" + id), null, null, "X-User-Id", "victim");
        assertThat(asVictim.status()).isEqualTo(401);

        Response credentialOfAnother = platform.send("GET", booking("/api/v1/bookings/" + id), null, null,
                "X-User-Id", "victim", ServiceCredential.HEADER, platform.serviceCredential("attacker", null));
        assertThat(credentialOfAnother.status()).isEqualTo(401);

        Response genuine = platform.send("GET", booking("/api/v1/bookings/" + id), null, null,
                "X-User-Id", "victim", ServiceCredential.HEADER, platform.serviceCredential("victim", null));
        assertThat(genuine.status()).as("the key opens the door, the booking is simply not there").isEqualTo(404);
    }

    @Test
    void aTokenTheIdentityProviderIssuedForAnotherApplicationIsRefused() {
        Map<String, Object> claims = new LinkedHashMap<>(Platform.claims("admin-elsewhere", platform.jwtIssuer(),
                Instant.now().plusSeconds(600), "admin"));
        claims.put("aud", List.of("another-app"));
        String foreign = Platform.jwt(Map.of("alg", "RS256", "typ", "JWT", "kid", platform.jwtKid()), claims, platform.jwtKey());

        Response response = platform.post("/api/v1/admin/venues", foreign, Map.of("name", "x", "city", "y", "sections", List.of()));
        assertThat(response.status()).isEqualTo(401);
    }

    @Test
    void rolesThatAreNotPlainNamesGrantNothing() {
        for (String role : List.of("ops,admin", "ADMIN", "Admin")) {
            String token = platform.token("role-trick-" + UUID.randomUUID(), role);
            assertThat(platform.post("/api/v1/admin/venues", token, Map.of("name", "x", "city", "y", "sections", List.of()))
                    .status()).as(role).isEqualTo(403);
        }
    }

    @Test
    void datesElasticsearchCannotHoldAre400sAndDoNotOpenTheSearchBreaker() {
        for (int i = 0; i < 8; i++) {
            Response far = platform.get("/api/v1/events/search?from=%2B1000000000-01-01T00:00:00Z", null,
                    "X-Forwarded-For", "198.51.100." + i);
            assertThat(far.status()).isEqualTo(400);
            assertThat(far.json().path("code").asString()).isEqualTo("VALIDATION_FAILED");
            assertThat(platform.get("/api/v1/events/search?to=%2B999999999-12-31", null).status()).isEqualTo(400);
        }
        assertThat(platform.get("/api/v1/events/search?q=concert&n=" + UUID.randomUUID(), null).status())
                .as("everyone else still searches").isEqualTo(200);
    }

    @Test
    void aTooLargeBodyIsA413Problem() {
        String body = "{\"payment_token\":\"" + "x".repeat(5 * 1024 * 1024) + "\"}";
        Response response = platform.post("/api/v1/bookings/" + UUID.randomUUID() + "/payment", platform.token("big-" + UUID.randomUUID()),
                body, "Idempotency-Key", "k");
        assertThat(response.status()).isEqualTo(413);
        assertThat(response.json().path("code").asString()).isEqualTo("PAYLOAD_TOO_LARGE");
    }

    @Test
    void actuatorIsNotOnThePublicPortAndHealthShowsNoDetails() {
        assertThat(platform.get("/actuator/env", null).status()).isIn(401, 404);
        assertThat(platform.get("/actuator/health", null).status()).isEqualTo(404);
        Response health = platform.get("http://127.0.0.1:9084/actuator/health", null);
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.text()).contains("\"status\"").doesNotContain("components").doesNotContain("jdbc");
    }

    @Test
    void unknownEventsAreNotFoundWithoutAFloodOfQueries() {
        for (int i = 0; i < 20; i++) {
            long made = 7_000_000_000_000L + i;
            assertThat(platform.get("/api/v1/events/" + made + "/availability", null).status()).isEqualTo(404);
            assertThat(platform.get("/api/v1/events/" + made + "/seatmap", null).status()).isEqualTo(404);
        }
    }
}
