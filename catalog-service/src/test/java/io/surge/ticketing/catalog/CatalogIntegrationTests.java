package io.surge.ticketing.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.atMost;
import static org.mockito.Mockito.clearInvocations;
import static org.mockito.Mockito.verify;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureTestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import io.surge.ticketing.catalog.event.EventSnapshots;
import io.surge.ticketing.contracts.messages.EventInventoryDefined;

/**
 * Against the real local PostgreSQL, in a schema of its own (dropped afterwards) so the running catalog and the
 * connector's publication never see these rows. The relay is off: nothing reaches the shared Kafka topic.
 */
@AutoConfigureTestRestTemplate
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"ticketing.catalog.outbox.enabled=false", "spring.kafka.admin.auto-create=false"})
@ActiveProfiles("test")
class CatalogIntegrationTests {

    static final ThrowawaySchema SCHEMA = new ThrowawaySchema();
    static final ObjectMapper JSON = new ObjectMapper();

    @DynamicPropertySource
    static void schema(DynamicPropertyRegistry registry) {
        SCHEMA.register(registry);
    }

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcClient jdbc;

    @MockitoSpyBean
    EventSnapshots snapshots;

    @AfterAll
    static void dropSchema() throws Exception {
        SCHEMA.drop();
    }

    private HttpHeaders admin() {
        HttpHeaders headers = new HttpHeaders();
        headers.set("X-User-Roles", "user,admin");
        headers.set("Content-Type", "application/json");
        return headers;
    }

    private ResponseEntity<JsonNode> call(HttpMethod method, String path, Object body, HttpHeaders headers) {
        return http.exchange(path, method, new HttpEntity<>(body, headers), JsonNode.class);
    }

    private long venue() {
        ResponseEntity<JsonNode> r = call(HttpMethod.POST, "/api/v1/admin/venues", Map.of("name", "IT Hall", "city",
                "Austin", "country", "US", "sections", List.of(Map.of("name", "A", "rows", 2, "seats_per_row", 3),
                        Map.of("name", "Floor", "capacity", 4))), admin());
        assertThat(r.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        return r.getBody().get("venue_id").asLong();
    }

    private Map<String, Object> event(long venueId, Instant onSale) {
        return Map.of("name", "IT Night", "performer", "Taylor Swift", "category", "Concert", "venue_id", venueId,
                "starts_at", onSale.plus(30, ChronoUnit.DAYS).toString(), "on_sale_at", onSale.toString(),
                "price_tiers", List.of(Map.of("section", "A", "price_cents", 5000),
                        Map.of("section", "Floor", "price_cents", 3000)));
    }

    private long createEvent(long venueId, Instant onSale) {
        ResponseEntity<JsonNode> r = call(HttpMethod.POST, "/api/v1/admin/events", event(venueId, onSale), admin());
        assertThat(r.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        return r.getBody().get("event_id").asLong();
    }

    private List<EventInventoryDefined> outboxOf(long eventId) {
        return jdbc.sql("SELECT payload FROM outbox WHERE message_key = :key ORDER BY id")
                .param("key", Long.toString(eventId)).query(String.class).list().stream()
                .map(p -> {
                    try {
                        return JSON.readValue(p, EventInventoryDefined.class);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }).toList();
    }

    @Test
    void creatingAnEventWritesItsInventoryMessageAndSearchRowInTheSameTransaction() {
        Instant onSale = Instant.parse("2030-05-01T10:00:00Z");
        long eventId = createEvent(venue(), onSale);

        List<EventInventoryDefined> messages = outboxOf(eventId);
        assertThat(messages).hasSize(1);
        EventInventoryDefined m = messages.get(0);
        assertThat(m.onSaleAt()).isEqualTo(onSale);
        assertThat(m.sections()).extracting(EventInventoryDefined.Section::firstSeatIndex).containsExactly(0, 6);
        assertThat(m.sections().get(1).seatsPerRow()).isEqualTo(4);
        assertThat(m.seatCount()).isEqualTo(10);

        Map<String, Object> row = jdbc.sql("SELECT version, searchable, document FROM event_search WHERE event_id = :id")
                .param("id", eventId).query().singleRow();
        assertThat(row).containsEntry("searchable", true).containsEntry("version", 1L);
        assertThat((String) row.get("document")).contains("\"performer\":\"Taylor Swift\"")
                .contains("\"category\":\"concert\"");
    }

    @Test
    void anEventWithoutAPriceForEverySectionIsRefusedAndNothingIsWritten() {
        long venueId = venue();
        long before = jdbc.sql("SELECT count(*) FROM event").query(Long.class).single();
        Map<String, Object> body = new java.util.HashMap<>(event(venueId, Instant.parse("2030-05-01T10:00:00Z")));
        body.put("price_tiers", List.of(Map.of("section", "A", "price_cents", 5000)));

        ResponseEntity<JsonNode> r = call(HttpMethod.POST, "/api/v1/admin/events", body, admin());

        assertThat(r.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(r.getHeaders().getContentType().toString()).isEqualTo("application/problem+json");
        assertThat(r.getBody().get("code").asString()).isEqualTo("VALIDATION_FAILED");
        assertThat(r.getBody().get("errors").toString()).contains("Floor");
        assertThat(jdbc.sql("SELECT count(*) FROM event").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void invalidFieldsAndUnknownVenuesAreProblemsWithStableCodes() {
        ResponseEntity<JsonNode> invalid = call(HttpMethod.POST, "/api/v1/admin/events",
                Map.of("name", "", "venue_id", -1), admin());
        assertThat(invalid.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(invalid.getBody().get("code").asString()).isEqualTo("VALIDATION_FAILED");
        assertThat(invalid.getBody().get("errors").size()).isGreaterThanOrEqualTo(5);

        ResponseEntity<JsonNode> unknownVenue = call(HttpMethod.POST, "/api/v1/admin/events",
                event(999_999_999L, Instant.parse("2030-05-01T10:00:00Z")), admin());
        assertThat(unknownVenue.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(unknownVenue.getBody().get("code").asString()).isEqualTo("VENUE_NOT_FOUND");
    }

    @Test
    void adminRoutesNeedTheAdminRole() {
        HttpHeaders fan = new HttpHeaders();
        fan.set("X-User-Roles", "fan");
        fan.set("Content-Type", "application/json");

        ResponseEntity<JsonNode> r = call(HttpMethod.POST, "/api/v1/admin/venues", Map.of(), fan);

        assertThat(r.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(r.getBody().get("code").asString()).isEqualTo("FORBIDDEN");
    }

    @Test
    void changingTheOnSaleTimeRepublishesTheInventoryButRenamingDoesNot() {
        long eventId = createEvent(venue(), Instant.parse("2030-05-01T10:00:00Z"));

        assertThat(call(HttpMethod.PATCH, "/api/v1/admin/events/" + eventId, Map.of("name", "Renamed"), admin())
                .getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(outboxOf(eventId)).hasSize(1);

        Instant later = Instant.parse("2030-05-02T10:00:00Z");
        ResponseEntity<JsonNode> r = call(HttpMethod.PATCH, "/api/v1/admin/events/" + eventId,
                Map.of("on_sale_at", later.toString()), admin());
        assertThat(r.getBody().get("version").asLong()).isEqualTo(3);
        assertThat(outboxOf(eventId)).extracting(EventInventoryDefined::onSaleAt)
                .containsExactly(Instant.parse("2030-05-01T10:00:00Z"), later);
        assertThat(jdbc.sql("SELECT document FROM event_search WHERE event_id = :id").param("id", eventId)
                .query(String.class).single()).contains("Renamed").contains("\"version\":3");
    }

    @Test
    void theVenueOfAnEventCannotChange() {
        long eventId = createEvent(venue(), Instant.parse("2030-05-01T10:00:00Z"));
        long otherVenue = venue();

        ResponseEntity<JsonNode> r = call(HttpMethod.PATCH, "/api/v1/admin/events/" + eventId,
                Map.of("venue_id", otherVenue), admin());

        assertThat(r.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(r.getBody().get("detail").asString()).contains("venue");
    }

    @Test
    void aCancelledEventLeavesSearchAndShowsCancelled() {
        long eventId = createEvent(venue(), Instant.parse("2030-05-01T10:00:00Z"));

        ResponseEntity<JsonNode> r = call(HttpMethod.DELETE, "/api/v1/admin/events/" + eventId, null, admin());

        assertThat(r.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(jdbc.sql("SELECT searchable FROM event_search WHERE event_id = :id").param("id", eventId)
                .query(Boolean.class).single()).isFalse();
        assertThat(http.getForObject("/api/v1/events/" + eventId, JsonNode.class).get("status").asString())
                .isEqualTo("CANCELLED");
        assertThat(call(HttpMethod.PATCH, "/api/v1/admin/events/" + eventId, Map.of("name", "x"), admin())
                .getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    }

    @Test
    void theSeatMapIsCacheableWithAVersionedEtag() {
        long eventId = createEvent(venue(), Instant.parse("2030-05-01T10:00:00Z"));

        ResponseEntity<JsonNode> map = http.getForEntity("/api/v1/events/" + eventId + "/seatmap", JsonNode.class);
        assertThat(map.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(map.getHeaders().getCacheControl()).contains("public").contains("max-age=");
        assertThat(map.getBody().get("seat_count").asInt()).isEqualTo(10);
        assertThat(map.getBody().get("sections").get(1).get("seats").get(0).get("ticket_id").asLong())
                .isEqualTo(eventId * 1_000_000 + 6);
        String etag = map.getHeaders().getETag();

        HttpHeaders conditional = new HttpHeaders();
        conditional.setIfNoneMatch(etag);
        assertThat(http.exchange("/api/v1/events/" + eventId + "/seatmap", HttpMethod.GET,
                new HttpEntity<>(conditional), byte[].class).getStatusCode()).isEqualTo(HttpStatus.NOT_MODIFIED);

        call(HttpMethod.PATCH, "/api/v1/admin/events/" + eventId,
                Map.of("price_tiers", List.of(Map.of("section", "A", "price_cents", 7000),
                        Map.of("section", "Floor", "price_cents", 3000))), admin());
        ResponseEntity<JsonNode> changed = http.getForEntity("/api/v1/events/" + eventId + "/seatmap", JsonNode.class);
        assertThat(changed.getHeaders().getETag()).isNotEqualTo(etag);
        assertThat(changed.getBody().get("sections").get(0).get("price_cents").asLong()).isEqualTo(7000);
    }

    @Test
    void anUnknownEventIsNotFound() {
        ResponseEntity<JsonNode> r = http.getForEntity("/api/v1/events/987654321", JsonNode.class);

        assertThat(r.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(r.getBody().get("code").asString()).isEqualTo("EVENT_NOT_FOUND");
    }

    @Test
    void madeUpEventIdsAreNotFoundWithoutASnapshotQueryPerId() {
        long base = 5_000_000_000_000L + java.util.concurrent.ThreadLocalRandom.current().nextLong(1_000_000_000L);
        clearInvocations(snapshots);

        for (int i = 0; i < 1_000; i++) {
            String path = "/api/v1/events/" + (base + i) + (i % 2 == 0 ? "" : "/seatmap");
            ResponseEntity<JsonNode> r = http.getForEntity(path, JsonNode.class);
            assertThat(r.getStatusCode()).as(path).isEqualTo(HttpStatus.NOT_FOUND);
            assertThat(r.getBody().get("code").asString()).isEqualTo("EVENT_NOT_FOUND");
        }

        verify(snapshots, atMost(1)).find(anyLong());
    }

    @Test
    void aNewlyCreatedEventIsFoundAtOnceOnTheCreatingInstance() {
        long eventId = createEvent(venue(), Instant.parse("2030-05-01T10:00:00Z"));

        assertThat(http.getForEntity("/api/v1/events/" + eventId, JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(http.getForEntity("/api/v1/events/" + eventId + "/seatmap", JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
    }

    /** Another replica created it: this one knows it after its next background refresh (2 s). */
    @Test
    void anEventCreatedByAnotherReplicaIsFoundAfterTheBackgroundRefresh() {
        long template = createEvent(venue(), Instant.parse("2030-05-01T10:00:00Z"));
        long eventId = jdbc.sql("""
                INSERT INTO event (name, performer_id, category, venue_id, starts_at, on_sale_at)
                SELECT name, performer_id, category, venue_id, starts_at, on_sale_at FROM event WHERE id = :id
                RETURNING id""").param("id", template).query(Long.class).single();
        jdbc.sql("INSERT INTO price_tier (event_id, section_id, price_cents) "
                + "SELECT :copy, section_id, price_cents FROM price_tier WHERE event_id = :id")
                .param("copy", eventId).param("id", template).update();

        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200))
                .until(() -> http.getForEntity("/api/v1/events/" + eventId, JsonNode.class).getStatusCode()
                        == HttpStatus.OK);
    }
}
