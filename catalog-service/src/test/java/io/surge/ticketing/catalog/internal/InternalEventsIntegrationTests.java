package io.surge.ticketing.catalog.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureTestRestTemplate;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import tools.jackson.databind.JsonNode;

import io.surge.ticketing.contracts.web.Headers;
import io.surge.ticketing.contracts.web.ServiceCredential;
import io.surge.ticketing.catalog.ThrowawaySchema;

/**
 * {@code GET /internal/events/{id}} with platform-support's service authentication switched on (as on the stack):
 * only a call carrying a valid service credential is answered. Real PostgreSQL, a schema of its own.
 */
@AutoConfigureTestRestTemplate
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"ticketing.catalog.outbox.enabled=false", "spring.kafka.admin.auto-create=false",
                "ticketing.service-auth.enabled=true",
                "ticketing.service-auth.secret=" + InternalEventsIntegrationTests.SECRET})
@ActiveProfiles("test")
class InternalEventsIntegrationTests {

    static final String SECRET = "internal-events-integration-tests-secret-0123456789";
    static final ThrowawaySchema SCHEMA = new ThrowawaySchema();
    static final ServiceCredential CREDENTIALS = new ServiceCredential(SECRET, Clock.systemUTC());

    @DynamicPropertySource
    static void schema(DynamicPropertyRegistry registry) {
        SCHEMA.register(registry);
    }

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcClient jdbc;

    @AfterAll
    static void dropSchema() throws Exception {
        SCHEMA.drop();
    }

    /** A call signed as {@code caller} would sign it (the gateway adds the admin's roles; a peer adds none). */
    private HttpHeaders signed(String caller, String roles) {
        HttpHeaders headers = new HttpHeaders();
        headers.set("Content-Type", "application/json");
        if (roles != null) {
            headers.set(Headers.USER_ROLES, roles);
        }
        headers.set(ServiceCredential.HEADER, CREDENTIALS.issue(caller, null, roles));
        return headers;
    }

    private ResponseEntity<JsonNode> call(HttpMethod method, String path, Object body, HttpHeaders headers) {
        return http.exchange(path, method, new HttpEntity<>(body, headers), JsonNode.class);
    }

    private ResponseEntity<JsonNode> internal(long eventId) {
        return call(HttpMethod.GET, "/internal/events/" + eventId, null, signed("booking-service", null));
    }

    private long draft() {
        HttpHeaders admin = signed("gateway", "admin");
        long venueId = call(HttpMethod.POST, "/api/v1/admin/venues", Map.of("name", "Internal Hall", "city", "Austin",
                "country", "US", "sections", List.of(Map.of("name", "A", "rows", 1, "seats_per_row", 2))), admin)
                .getBody().get("venue_id").asLong();
        ResponseEntity<JsonNode> created = call(HttpMethod.POST, "/api/v1/admin/events", Map.of("name", "Internal Night",
                "performer", "Band", "category", "concert", "venue_id", venueId, "starts_at", "2030-06-01T20:00:00Z",
                "on_sale_at", "2030-05-01T10:00:00Z", "price_tiers", List.of(Map.of("section", "A", "price_cents", 100)),
                "publish", false), admin);
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        return created.getBody().get("event_id").asLong();
    }

    @Test
    void withoutAValidServiceCredentialTheInternalEndpointAnswers401() {
        long eventId = draft();
        HttpHeaders forged = new HttpHeaders();
        forged.set(ServiceCredential.HEADER, new ServiceCredential("another-key-that-is-not-the-platforms-0123456",
                Clock.systemUTC()).issue("booking-service", null, null));

        ResponseEntity<JsonNode> anonymous = call(HttpMethod.GET, "/internal/events/" + eventId, null, new HttpHeaders());
        ResponseEntity<JsonNode> wrongKey = call(HttpMethod.GET, "/internal/events/" + eventId, null, forged);

        for (ResponseEntity<JsonNode> refused : List.of(anonymous, wrongKey)) {
            assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
            assertThat(refused.getBody().get("code").asString()).isEqualTo("UNAUTHORIZED");
            assertThat(refused.getBody().toString()).doesNotContain("on_sale_at");
        }
    }

    @Test
    void aServiceLearnsTheSaleTimesRefundDeadlinePublicationAndCancellation() {
        long eventId = draft();

        ResponseEntity<JsonNode> asDraft = internal(eventId);

        assertThat(asDraft.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(asDraft.getHeaders().getCacheControl()).isEqualTo("no-store");
        JsonNode body = asDraft.getBody();
        List<String> fields = new ArrayList<>(body.propertyNames());
        assertThat(fields).containsExactlyInAnyOrder("event_id", "on_sale_at", "starts_at", "refund_deadline",
                "published", "cancelled");
        assertThat(body.get("event_id").asLong()).isEqualTo(eventId);
        assertThat(body.get("on_sale_at").asString()).isEqualTo("2030-05-01T10:00:00Z");
        assertThat(body.get("starts_at").asString()).isEqualTo("2030-06-01T20:00:00Z");
        assertThat(body.get("refund_deadline").asString()).isEqualTo("2030-06-01T20:00:00Z");
        assertThat(body.get("published").asBoolean()).isFalse();
        assertThat(body.get("cancelled").asBoolean()).isFalse();

        HttpHeaders admin = signed("gateway", "admin");
        call(HttpMethod.POST, "/api/v1/admin/events/" + eventId + "/publish", null, admin);
        assertThat(internal(eventId).getBody().get("published").asBoolean()).isTrue();

        call(HttpMethod.DELETE, "/api/v1/admin/events/" + eventId, null, admin);
        JsonNode cancelled = internal(eventId).getBody();
        assertThat(cancelled.get("cancelled").asBoolean()).isTrue();
        assertThat(cancelled.get("published").asBoolean()).isTrue();
    }

    @Test
    void anUnknownEventIsNotFound() {
        ResponseEntity<JsonNode> r = internal(987_654_321L);

        assertThat(r.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(r.getBody().get("code").asString()).isEqualTo("EVENT_NOT_FOUND");
    }
}
