package io.surge.ticketing.system.edge;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.ObjectMapper;

import io.surge.ticketing.contracts.messages.TicketIds;
import io.surge.ticketing.system.Platform;
import io.surge.ticketing.system.Platform.Response;

/**
 * Nobody reaches the booking API without a valid JWT and the waiting room's admission token for that user and that
 * event: every way around it is refused at the gateway with its own code, and nothing gets reserved.
 */
class EdgeBypassSystemTests {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Platform platform = Platform.get();
    private static EdgeSale sale;
    private static String fan;
    private static String fanToken;

    @BeforeAll
    static void anEventOnSaleAndAnAdmittedFan() {
        sale = EdgeSale.create(platform, Instant.now().minus(Duration.ofMinutes(1)));
        fan = "bypass-fan-" + System.nanoTime();
        fanToken = sale.admit(fan);
    }

    private Response reserve(String jwt, long eventId, String admissionToken) {
        Map<String, Object> body = Map.of("event_id", eventId, "ticket_ids", List.of(TicketIds.of(sale.eventId(), 0)));
        return admissionToken == null
                ? platform.post("/api/v1/bookings/reserve", jwt, body)
                : platform.post("/api/v1/bookings/reserve", jwt, body, "X-Admission-Token", admissionToken);
    }

    private static void assertRefused(Response response, int status, String code) {
        assertThat(response.status()).as("%s", response).isEqualTo(status);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().get("code").asString()).isEqualTo(code);
    }

    @Test
    void reservingWithoutAValidAdmissionTokenIsRefusedWithTheReason_andNothingIsReserved() {
        String jwt = platform.token(fan);
        String forged = fanToken.substring(0, fanToken.lastIndexOf('.') + 1) + "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
        String expired = platform.admissionToken(fan, sale.eventId(), Duration.ofSeconds(-30));
        String otherFan = "bypass-other-" + System.nanoTime();

        assertRefused(reserve(jwt, sale.eventId(), null), 403, "ADMISSION_REQUIRED");
        assertRefused(reserve(jwt, sale.eventId(), forged), 403, "ADMISSION_INVALID");
        assertRefused(reserve(jwt, sale.eventId(), "not-a-token"), 403, "ADMISSION_INVALID");
        assertRefused(reserve(jwt, sale.eventId(), expired), 403, "ADMISSION_EXPIRED");
        assertRefused(reserve(jwt, sale.eventId() + 1, fanToken), 403, "ADMISSION_WRONG_EVENT");
        assertRefused(reserve(platform.token(otherFan), sale.eventId(), fanToken), 403, "ADMISSION_WRONG_USER");
        assertRefused(platform.post("/api/v1/bookings/reserve", jwt, "{\"ticket_ids\":[1]}", "X-Admission-Token", fanToken),
                400, "VALIDATION_FAILED");
        assertRefused(platform.delete("/api/v1/bookings/00000000-0000-0000-0000-000000000001", platform.token(otherFan),
                "X-Admission-Token", fanToken), 403, "ADMISSION_WRONG_USER");

        Response availability = platform.get("/api/v1/events/" + sale.eventId() + "/availability", null);
        if (availability.status() == 200) {
            byte[] bits = Base64.getDecoder().decode(availability.json().get("bitfield").asString());
            for (byte b : bits) {
                assertThat(b).as("no seat may be held after refused reservations").isZero();
            }
        }

        // the same request with the real token goes through the gateway (what booking decides is its business)
        Response accepted = reserve(jwt, sale.eventId(), fanToken);
        assertThat(accepted.status()).as("%s", accepted).isNotIn(401, 403);
    }

    @Test
    void badJwtsAreRefusedWith401() throws Exception {
        Map<String, Object> claims = Platform.claims(fan, platform.jwtIssuer(), Instant.now().plusSeconds(600));
        String kid = platform.jwtKid();
        String payload = b64(JSON.writeValueAsBytes(claims));
        byte[] publicPem = Files.readAllBytes(Path.of(platform.env("TICKETING_JWT_PUBLIC_KEY")));

        String algNone = b64("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8)) + "." + payload + ".";
        String hsInput = b64(("{\"alg\":\"HS256\",\"typ\":\"JWT\",\"kid\":\"" + kid + "\"}").getBytes(StandardCharsets.UTF_8))
                + "." + payload;
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(publicPem, "HmacSHA256"));
        String hsConfusion = hsInput + "." + b64(mac.doFinal(hsInput.getBytes(StandardCharsets.US_ASCII)));
        String wrongIssuer = Platform.jwt(Map.of("alg", "RS256", "typ", "JWT", "kid", kid),
                Platform.claims(fan, "https://evil.example", Instant.now().plusSeconds(600)), platform.jwtKey());
        String expired = Platform.jwt(Map.of("alg", "RS256", "typ", "JWT", "kid", kid),
                Platform.claims(fan, platform.jwtIssuer(), Instant.now().minusSeconds(3600)), platform.jwtKey());
        String unknownKid = Platform.jwt(Map.of("alg", "RS256", "typ", "JWT", "kid", "someone-elses-key"),
                claims, platform.jwtKey());
        String tampered = platform.token(fan);
        tampered = tampered.substring(0, tampered.indexOf('.') + 1)
                + b64(JSON.writeValueAsBytes(Platform.claims("admin-x", platform.jwtIssuer(), Instant.now().plusSeconds(600), "admin")))
                + tampered.substring(tampered.lastIndexOf('.'));

        for (String bad : new String[] {null, algNone, hsConfusion, wrongIssuer, expired, unknownKid, tampered, "garbage",
                "a.b.c"}) {
            Response response = platform.get(sale.statusPath(), bad);
            assertRefused(response, 401, "UNAUTHORIZED");
            assertThat(response.header("WWW-Authenticate")).startsWith("Bearer");
        }
        assertThat(platform.get(sale.statusPath(), platform.token(fan)).status()).isEqualTo(200);
    }

    @Test
    void clientSentIdentityHeadersAreOverwrittenAndAdminNeedsTheRole() {
        String jwt = platform.token("plain-fan-" + System.nanoTime());

        Response asAdmin = platform.put("/api/v1/admin/events/" + sale.eventId() + "/waiting-room", jwt,
                Map.of("admission_rate_per_minute", 1), "X-User-Roles", "admin", "X-User-Id", "admin-1");
        // spoofed identity headers do not pass, with a user token (no admin role) the admin API is forbidden
        assertRefused(asAdmin, 403, "FORBIDDEN");
        Response spoofedStatus = platform.get(sale.statusPath(), jwt, "X-User-Id", fan);
        assertRefused(spoofedStatus, 404, "NOT_IN_QUEUE");
    }

    private static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
