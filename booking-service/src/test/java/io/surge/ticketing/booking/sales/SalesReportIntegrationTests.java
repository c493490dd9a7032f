package io.surge.ticketing.booking.sales;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;

import io.micrometer.core.instrument.MeterRegistry;
import io.surge.ticketing.booking.AfterTheSaleIntegrationTest;
import io.surge.ticketing.booking.tickets.TicketCodec;
import io.surge.ticketing.contracts.messages.TicketIds;

/** The organizer's sales report and its metrics, over HTTP against the real PostgreSQL. */
class SalesReportIntegrationTests extends AfterTheSaleIntegrationTest {

    private static final Map<String, String> ADMIN = Map.of("X-User-Id", "organizer", "X-User-Roles", "admin");

    @Autowired
    SalesMetrics metrics;
    @Autowired
    MeterRegistry meters;
    @Autowired
    TicketCodec codec;

    @Test
    void theReportCountsSeatsMoneyCheckInsAndTheQueue() throws Exception {
        long eventId = eventOnSale();
        UUID paid = paid(eventId, "u-sales-" + UUID.randomUUID(), 1, 2);
        UUID refunded = paid(eventId, "u-sales-" + UUID.randomUUID(), 2, 1);
        hold(eventId, "u-sales-" + UUID.randomUUID(), 1, 3);
        post("/internal/bookings/" + refunded + "/refund", "{\"refund_id\":\"re-s\",\"amount_cents\":3000}", Map.of());
        String code = codec.encode(new TicketCodec.TicketCode(eventId, TicketIds.of(eventId, 0), paid));
        assertThat(post("/api/v1/admin/events/" + eventId + "/check-ins", "{\"code\":\"" + code + "\"}", ADMIN)
                .statusCode()).isEqualTo(200);
        QUEUE_COUNTS.put(eventId, "{\"waiting\":5,\"admitted\":7}");

        HttpResponse<String> response = get("/api/v1/admin/events/" + eventId + "/sales", ADMIN);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode report = json(response);
        assertThat(report.get("event_id").asLong()).isEqualTo(eventId);
        assertThat(report.get("status").asString()).isEqualTo("ON_SALE");
        assertThat(report.get("seat_count").asInt()).isEqualTo(22);
        assertThat(report.get("held").asInt()).isEqualTo(3);
        assertThat(report.get("sold").asInt()).isEqualTo(2);
        assertThat(report.get("available").asInt()).isEqualTo(17);
        assertThat(report.get("refunded").asInt()).isEqualTo(1);
        assertThat(report.get("gross_cents").asLong()).isEqualTo(13_000);
        assertThat(report.get("refunded_cents").asLong()).isEqualTo(3_000);
        assertThat(report.get("checked_in").asInt()).isEqualTo(1);
        assertThat(report.get("queue").get("waiting").asLong()).isEqualTo(5);
        assertThat(report.get("queue").get("admitted").asLong()).isEqualTo(7);

        metrics.refresh();
        assertThat(meters.get("booking.sales.seats").tags("event_id", Long.toString(eventId), "state", "sold").gauge().value())
                .isEqualTo(2);
        assertThat(meters.get("booking.sales.seats").tags("event_id", Long.toString(eventId), "state", "available").gauge()
                .value()).isEqualTo(17);
        assertThat(meters.get("booking.sales.gross").tags("event_id", Long.toString(eventId)).gauge().value())
                .isEqualTo(13_000);
        assertThat(meters.get("booking.sales.checked_in").tags("event_id", Long.toString(eventId)).gauge().value())
                .isEqualTo(1);
        assertThat(meters.get("booking.refunds").counter().count()).isGreaterThanOrEqualTo(1);
        assertThat(meters.get("booking.check_ins").tags("outcome", "CHECKED_IN").counter().count()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void withoutTheWaitingRoomTheReportStillAnswersWithNullQueueCounts() throws Exception {
        long eventId = eventOnSale(); // the stand-in answers 404 for it

        HttpResponse<String> response = get("/api/v1/admin/events/" + eventId + "/sales", ADMIN);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode queue = json(response).get("queue");
        assertThat(queue.has("waiting")).isTrue();
        assertThat(queue.get("waiting").isNull()).isTrue();
        assertThat(queue.get("admitted").isNull()).isTrue();
        assertThat(json(response).get("available").asInt()).isEqualTo(22);
    }

    @Test
    void aSoldOutDraftOrCancelledEventShowsItsState() throws Exception {
        long eventId = freshEventId();
        loader.load(inventory(eventId, 5_000, 3_000, false, false, java.time.Instant.now().plusSeconds(3600)));
        assertThat(json(get("/api/v1/admin/events/" + eventId + "/sales", ADMIN)).get("status").asString()).isEqualTo("DRAFT");

        loader.load(inventory(eventId, 5_000, 3_000, true, true, java.time.Instant.now().plusSeconds(3600)));
        assertThat(json(get("/api/v1/admin/events/" + eventId + "/sales", ADMIN)).get("status").asString())
                .isEqualTo("CANCELLED");
    }

    @Test
    void onlyAdminsSeeTheReportOfAnEventThatExists() throws Exception {
        long eventId = eventOnSale();

        for (Map<String, String> caller : List.of(Map.of("X-User-Id", "fan"), Map.of("X-User-Roles", "scanner"))) {
            HttpResponse<String> refused = get("/api/v1/admin/events/" + eventId + "/sales", caller);
            assertThat(refused.statusCode()).isEqualTo(403);
            assertThat(json(refused).get("code").asString()).isEqualTo("FORBIDDEN");
        }
        HttpResponse<String> unknown = get("/api/v1/admin/events/" + freshEventId() + "/sales", ADMIN);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(json(unknown).get("code").asString()).isEqualTo("EVENT_NOT_FOUND");
    }
}
