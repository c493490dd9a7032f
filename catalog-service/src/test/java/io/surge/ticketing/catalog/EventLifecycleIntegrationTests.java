package io.surge.ticketing.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureTestRestTemplate;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
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
import tools.jackson.databind.ObjectMapper;

import io.surge.ticketing.catalog.availability.AvailabilityRecords;
import io.surge.ticketing.contracts.messages.EventAvailabilityChanged;
import io.surge.ticketing.contracts.messages.EventInventoryDefined;

/**
 * The event lifecycle against the real local PostgreSQL, in a schema of its own (dropped afterwards): drafts and
 * publication, the refund deadline, the status by the clock and by booking's sold-out word, and what booking and
 * search are told. The relay is off and no listener container starts: nothing touches the shared Kafka.
 */
@AutoConfigureTestRestTemplate
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"ticketing.catalog.outbox.enabled=false", "spring.kafka.admin.auto-create=false"})
@ActiveProfiles("test")
class EventLifecycleIntegrationTests {

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

    @Autowired
    ApplicationContext context;

    @AfterAll
    static void dropSchema() throws Exception {
        SCHEMA.drop();
    }

    private HttpHeaders admin() {
        HttpHeaders headers = new HttpHeaders();
        headers.set("X-User-Roles", "admin");
        headers.set("Content-Type", "application/json");
        return headers;
    }

    private ResponseEntity<JsonNode> call(HttpMethod method, String path, Object body) {
        return http.exchange(path, method, new HttpEntity<>(body, admin()), JsonNode.class);
    }

    private ResponseEntity<JsonNode> get(String path, String ifNoneMatch) {
        HttpHeaders headers = new HttpHeaders();
        if (ifNoneMatch != null) {
            headers.setIfNoneMatch(ifNoneMatch);
        }
        return http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), JsonNode.class);
    }

    private long venue() {
        ResponseEntity<JsonNode> r = call(HttpMethod.POST, "/api/v1/admin/venues", Map.of("name", "Lifecycle Hall",
                "city", "Austin", "country", "US", "sections", List.of(Map.of("name", "A", "rows", 1, "seats_per_row", 4))));
        assertThat(r.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        return r.getBody().get("venue_id").asLong();
    }

    private Map<String, Object> event(Instant onSaleAt, Instant startsAt) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", "Lifecycle Night");
        body.put("performer", "The Lifecycles");
        body.put("category", "concert");
        body.put("venue_id", venue());
        body.put("starts_at", startsAt.toString());
        body.put("on_sale_at", onSaleAt.toString());
        body.put("price_tiers", List.of(Map.of("section", "A", "price_cents", 5000)));
        return body;
    }

    private long create(Map<String, Object> body) {
        ResponseEntity<JsonNode> r = call(HttpMethod.POST, "/api/v1/admin/events", body);
        assertThat(r.getStatusCode()).as("%s", r.getBody()).isEqualTo(HttpStatus.CREATED);
        return r.getBody().get("event_id").asLong();
    }

    private long createOnSaleIn(Duration untilOnSale, Duration untilStart) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        return create(event(now.plus(untilOnSale), now.plus(untilStart)));
    }

    private List<EventInventoryDefined> inventoryMessages(long eventId) {
        return jdbc.sql("SELECT payload FROM outbox WHERE message_key = :key ORDER BY id")
                .param("key", Long.toString(eventId)).query(String.class).list().stream()
                .map(p -> JSON.readValue(p, EventInventoryDefined.class)).toList();
    }

    private Map<String, Object> searchRow(long eventId) {
        return jdbc.sql("SELECT version, searchable, document FROM event_search WHERE event_id = :id")
                .param("id", eventId).query().singleRow();
    }

    private JsonNode details(long eventId) {
        ResponseEntity<JsonNode> r = get("/api/v1/events/" + eventId, null);
        assertThat(r.getStatusCode()).isEqualTo(HttpStatus.OK);
        return r.getBody();
    }

    @Test
    void aDraftIsInvisibleToFansAndUnsearchableUntilPublished() {
        Map<String, Object> body = event(Instant.parse("2030-05-01T10:00:00Z"), Instant.parse("2030-06-01T20:00:00Z"));
        body.put("publish", false);
        long eventId = create(body);

        for (String path : List.of("/api/v1/events/" + eventId, "/api/v1/events/" + eventId + "/seatmap")) {
            ResponseEntity<JsonNode> hidden = get(path, null);
            assertThat(hidden.getStatusCode()).as(path).isEqualTo(HttpStatus.NOT_FOUND);
            assertThat(hidden.getBody().get("code").asString()).isEqualTo("EVENT_NOT_FOUND");
        }
        assertThat(searchRow(eventId)).containsEntry("searchable", false);
        assertThat(inventoryMessages(eventId)).singleElement()
                .satisfies(m -> assertThat(m.isPublished()).isFalse());

        ResponseEntity<JsonNode> published = call(HttpMethod.POST, "/api/v1/admin/events/" + eventId + "/publish", null);

        assertThat(published.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(published.getBody().get("event_id").asLong()).isEqualTo(eventId);
        assertThat(published.getBody().get("status").asString()).isEqualTo("SCHEDULED");
        assertThat(details(eventId).get("status").asString()).isEqualTo("SCHEDULED");
        assertThat(get("/api/v1/events/" + eventId + "/seatmap", null).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(searchRow(eventId)).containsEntry("searchable", true).containsEntry("version", 2L);
        assertThat(inventoryMessages(eventId)).extracting(EventInventoryDefined::isPublished)
                .containsExactly(false, true);
    }

    @Test
    void publishingAPublishedEventAnswersTheSameAndChangesNothing() {
        long eventId = createOnSaleIn(Duration.ofDays(-1), Duration.ofDays(30));

        ResponseEntity<JsonNode> again = call(HttpMethod.POST, "/api/v1/admin/events/" + eventId + "/publish", null);
        ResponseEntity<JsonNode> thrice = call(HttpMethod.POST, "/api/v1/admin/events/" + eventId + "/publish", null);

        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(again.getBody().get("status").asString()).isEqualTo("ON_SALE");
        assertThat(thrice.getBody()).isEqualTo(again.getBody());
        assertThat(inventoryMessages(eventId)).hasSize(1);
        assertThat(searchRow(eventId)).containsEntry("version", 1L);
    }

    @Test
    void aCancelledEventCannotBePublishedAndAnUnknownOneIsNotFound() {
        long eventId = createOnSaleIn(Duration.ofDays(1), Duration.ofDays(30));
        call(HttpMethod.DELETE, "/api/v1/admin/events/" + eventId, null);

        ResponseEntity<JsonNode> cancelled = call(HttpMethod.POST, "/api/v1/admin/events/" + eventId + "/publish", null);
        ResponseEntity<JsonNode> unknown = call(HttpMethod.POST, "/api/v1/admin/events/987654321/publish", null);

        assertThat(cancelled.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(cancelled.getBody().get("code").asString()).isEqualTo("EVENT_CANCELLED");
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(unknown.getBody().get("code").asString()).isEqualTo("EVENT_NOT_FOUND");
    }

    @Test
    void aDraftCancelledBeforePublicationStaysUnpublishedForBooking() {
        Map<String, Object> body = event(Instant.parse("2030-05-01T10:00:00Z"), Instant.parse("2030-06-01T20:00:00Z"));
        body.put("publish", false);
        long eventId = create(body);

        call(HttpMethod.DELETE, "/api/v1/admin/events/" + eventId, null);

        assertThat(inventoryMessages(eventId)).last().satisfies(m -> {
            assertThat(m.cancelled()).isTrue();
            assertThat(m.isPublished()).isFalse();
        });
        assertThat(details(eventId).get("status").asString()).isEqualTo("CANCELLED");
    }

    @Test
    void theInventoryMessageCarriesTheStartTheRefundDeadlineAndPublication() {
        Instant startsAt = Instant.parse("2030-06-01T20:00:00Z");
        Map<String, Object> body = event(Instant.parse("2030-05-01T10:00:00Z"), startsAt);
        body.put("refund_deadline", "2030-05-30T00:00:00Z");
        long eventId = create(body);

        assertThat(inventoryMessages(eventId)).singleElement().satisfies(m -> {
            assertThat(m.startsAt()).isEqualTo(startsAt);
            assertThat(m.refundDeadline()).isEqualTo(Instant.parse("2030-05-30T00:00:00Z"));
            assertThat(m.isPublished()).isTrue();
            assertThat(m.cancelled()).isFalse();
        });
    }

    @Test
    void theRefundDeadlineDefaultsToTheStartAndFollowsIt() {
        long eventId = create(event(Instant.parse("2030-05-01T10:00:00Z"), Instant.parse("2030-06-01T20:00:00Z")));
        assertThat(details(eventId).get("refund_deadline").asString()).isEqualTo("2030-06-01T20:00:00Z");

        call(HttpMethod.PATCH, "/api/v1/admin/events/" + eventId, Map.of("starts_at", "2030-06-02T20:00:00Z"));

        assertThat(details(eventId).get("refund_deadline").asString()).isEqualTo("2030-06-02T20:00:00Z");
        assertThat(inventoryMessages(eventId)).last().satisfies(m -> {
            assertThat(m.startsAt()).isEqualTo(Instant.parse("2030-06-02T20:00:00Z"));
            assertThat(m.refundDeadline()).isEqualTo(Instant.parse("2030-06-02T20:00:00Z"));
        });
    }

    @Test
    void aRefundDeadlineAfterTheStartIsRefusedOnCreationAndOnChange() {
        Map<String, Object> body = event(Instant.parse("2030-05-01T10:00:00Z"), Instant.parse("2030-06-01T20:00:00Z"));
        body.put("refund_deadline", "2030-06-01T20:00:01Z");
        long before = jdbc.sql("SELECT count(*) FROM event").query(Long.class).single();

        ResponseEntity<JsonNode> refused = call(HttpMethod.POST, "/api/v1/admin/events", body);

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody().get("code").asString()).isEqualTo("VALIDATION_FAILED");
        assertThat(refused.getBody().get("errors").toString()).contains("refund_deadline");
        assertThat(jdbc.sql("SELECT count(*) FROM event").query(Long.class).single()).isEqualTo(before);

        body.put("refund_deadline", "2030-05-20T00:00:00Z");
        long eventId = create(body);
        ResponseEntity<JsonNode> tooLate = call(HttpMethod.PATCH, "/api/v1/admin/events/" + eventId,
                Map.of("refund_deadline", "2030-07-01T00:00:00Z"));
        ResponseEntity<JsonNode> startBeforeDeadline = call(HttpMethod.PATCH, "/api/v1/admin/events/" + eventId,
                Map.of("starts_at", "2030-05-19T00:00:00Z"));

        assertThat(tooLate.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(tooLate.getBody().get("errors").toString()).contains("refund_deadline");
        assertThat(startBeforeDeadline.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(inventoryMessages(eventId)).hasSize(1);
    }

    @Test
    void changingTheRefundDeadlineSendsTheInventoryAgain() {
        long eventId = create(event(Instant.parse("2030-05-01T10:00:00Z"), Instant.parse("2030-06-01T20:00:00Z")));

        ResponseEntity<JsonNode> changed = call(HttpMethod.PATCH, "/api/v1/admin/events/" + eventId,
                Map.of("refund_deadline", "2030-05-25T00:00:00Z"));

        assertThat(changed.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(changed.getBody().get("status").asString()).isEqualTo("SCHEDULED");
        assertThat(inventoryMessages(eventId)).extracting(EventInventoryDefined::refundDeadline)
                .containsExactly(Instant.parse("2030-06-01T20:00:00Z"), Instant.parse("2030-05-25T00:00:00Z"));
        assertThat(details(eventId).get("refund_deadline").asString()).isEqualTo("2030-05-25T00:00:00Z");
    }

    @Test
    void theStatusFollowsTheSaleWindow() {
        long scheduled = createOnSaleIn(Duration.ofDays(1), Duration.ofDays(30));
        long onSale = createOnSaleIn(Duration.ofDays(-1), Duration.ofDays(30));
        long closed = createOnSaleIn(Duration.ofDays(-30), Duration.ofHours(-1));
        long cancelled = createOnSaleIn(Duration.ofDays(-1), Duration.ofDays(30));
        call(HttpMethod.DELETE, "/api/v1/admin/events/" + cancelled, null);

        assertThat(details(scheduled).get("status").asString()).isEqualTo("SCHEDULED");
        assertThat(details(onSale).get("status").asString()).isEqualTo("ON_SALE");
        assertThat(details(closed).get("status").asString()).isEqualTo("CLOSED");
        assertThat(details(cancelled).get("status").asString()).isEqualTo("CANCELLED");
    }

    /** The same cached event, read across its on-sale moment: no cache may keep showing SCHEDULED after it. */
    @Test
    void anEventGoesOnSaleAtItsOnSaleTimeThroughEveryCache() {
        long eventId = createOnSaleIn(Duration.ofMillis(2_500), Duration.ofDays(30));

        ResponseEntity<JsonNode> before = get("/api/v1/events/" + eventId, null);
        assertThat(before.getBody().get("status").asString()).isEqualTo("SCHEDULED");
        assertThat(before.getHeaders().getETag()).contains("scheduled");
        assertThat(before.getHeaders().getCacheControl()).contains("public").matches(".*max-age=[01]\\b.*");

        Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                .until(() -> "ON_SALE".equals(get("/api/v1/events/" + eventId, null).getBody().get("status").asString()));
        ResponseEntity<JsonNode> revalidated = get("/api/v1/events/" + eventId, before.getHeaders().getETag());

        assertThat(revalidated.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(revalidated.getHeaders().getETag()).isNotEqualTo(before.getHeaders().getETag()).contains("on_sale");
        assertThat(revalidated.getBody().get("version").asLong()).isEqualTo(before.getBody().get("version").asLong());
    }

    @Test
    void bookingsSoldOutWordMakesTheEventSoldOutAndSeatsThatComeBackReopenIt() {
        long eventId = createOnSaleIn(Duration.ofDays(-1), Duration.ofDays(30));
        Instant t0 = Instant.now();
        ResponseEntity<JsonNode> onSale = get("/api/v1/events/" + eventId, null);

        AvailabilityRecords.deliver(context, new EventAvailabilityChanged(eventId, true, 0, 4, t0));

        ResponseEntity<JsonNode> soldOut = get("/api/v1/events/" + eventId, null);
        assertThat(soldOut.getBody().get("status").asString()).isEqualTo("SOLD_OUT");
        assertThat(soldOut.getHeaders().getETag()).isNotEqualTo(onSale.getHeaders().getETag());
        assertThat(soldOut.getBody().get("version").asLong()).isEqualTo(2);
        assertThat(searchRow(eventId)).containsEntry("version", 2L);
        assertThat((String) searchRow(eventId).get("document")).contains("\"sold_out\":true");

        // an older count arriving late, and the periodic re-send of the same state, change nothing
        AvailabilityRecords.deliver(context, new EventAvailabilityChanged(eventId, false, 1, 4, t0.minusSeconds(5)));
        AvailabilityRecords.deliver(context, new EventAvailabilityChanged(eventId, true, 0, 4, t0.plusSeconds(30)));
        assertThat(details(eventId).get("status").asString()).isEqualTo("SOLD_OUT");
        assertThat(details(eventId).get("version").asLong()).isEqualTo(2);

        AvailabilityRecords.deliver(context, new EventAvailabilityChanged(eventId, false, 2, 4, t0.plusSeconds(31)));

        assertThat(details(eventId).get("status").asString()).isEqualTo("ON_SALE");
        assertThat(details(eventId).get("version").asLong()).isEqualTo(3);
        assertThat((String) searchRow(eventId).get("document")).contains("\"sold_out\":false");
        assertThat(inventoryMessages(eventId)).hasSize(1);
    }

    @Test
    void availabilityOfAnUnknownEventOrAnUnreadableRecordIsSkipped() {
        long eventId = createOnSaleIn(Duration.ofDays(-1), Duration.ofDays(30));

        AvailabilityRecords.deliver(context, new EventAvailabilityChanged(987_654_321L, true, 0, 4, Instant.now()));
        AvailabilityRecords.deliver(context, Long.toString(eventId), "{not json");
        AvailabilityRecords.deliver(context, Long.toString(eventId), null);

        assertThat(details(eventId).get("status").asString()).isEqualTo("ON_SALE");
    }

    @Test
    void theApiDescriptionShowsPublicationAndTheRefundDeadlineButNoInternalRoute() {
        String docs = http.getForObject("/v3/api-docs", String.class);

        assertThat(docs).contains("/api/v1/admin/events/{event_id}/publish").contains("EVENT_CANCELLED")
                .containsPattern("refund_?[dD]eadline").doesNotContain("/internal/events");
    }
}
