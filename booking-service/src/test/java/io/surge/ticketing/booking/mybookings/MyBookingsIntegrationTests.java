package io.surge.ticketing.booking.mybookings;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

import io.surge.ticketing.booking.AfterTheSaleIntegrationTest;

/** A fan's own bookings, paged and filtered, over HTTP against the real PostgreSQL. */
class MyBookingsIntegrationTests extends AfterTheSaleIntegrationTest {

    @Test
    void aFanSeesOnlyTheirOwnBookingsNewestFirstAPageAtATime() throws Exception {
        long eventId = eventOnSale();
        String fan = "u-mine-" + UUID.randomUUID();
        List<UUID> mine = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            mine.add(hold(eventId, fan, 2, 1));
        }
        hold(eventId, "u-someone-else-" + UUID.randomUUID(), 1, 1);

        JsonNode first = json(get("/api/v1/bookings?page=1&size=2", user(fan)));
        JsonNode third = json(get("/api/v1/bookings?page=3&size=2", user(fan)));
        JsonNode beyond = json(get("/api/v1/bookings?page=4&size=2", user(fan)));

        assertThat(first.get("page").asInt()).isEqualTo(1);
        assertThat(first.get("size").asInt()).isEqualTo(2);
        assertThat(first.get("total").asLong()).isEqualTo(5);
        assertThat(ids(first)).containsExactly(mine.get(4).toString(), mine.get(3).toString());
        assertThat(ids(third)).containsExactly(mine.get(0).toString());
        assertThat(beyond.get("total").asLong()).isEqualTo(5);
        assertThat(beyond.get("results")).isEmpty();
        JsonNode booking = first.get("results").get(0);
        assertThat(booking.get("status").asString()).isEqualTo("RESERVED");
        assertThat(booking.get("event_id").asLong()).isEqualTo(eventId);
        assertThat(booking.get("total_cents").asLong()).isEqualTo(3_000);
    }

    @Test
    void bookingsAreFilteredByEventAndStatus() throws Exception {
        long eventId = eventOnSale();
        long otherEvent = eventOnSale();
        String fan = "u-mine-" + UUID.randomUUID();
        UUID paid = paid(eventId, fan, 1, 1);
        UUID held = hold(eventId, fan, 1, 1);
        UUID elsewhere = hold(otherEvent, fan, 1, 1);

        JsonNode ofEvent = json(get("/api/v1/bookings?event_id=" + eventId, user(fan)));
        JsonNode confirmed = json(get("/api/v1/bookings?status=CONFIRMED&event_id=" + eventId, user(fan)));
        JsonNode reserved = json(get("/api/v1/bookings?status=RESERVED", user(fan)));

        assertThat(ids(ofEvent)).containsExactly(held.toString(), paid.toString());
        assertThat(ids(confirmed)).containsExactly(paid.toString());
        assertThat(ids(reserved)).containsExactly(elsewhere.toString(), held.toString());
        assertThat(ofEvent.get("page").asInt()).isEqualTo(1);
        assertThat(ofEvent.get("size").asInt()).isEqualTo(20);
    }

    @Test
    void badQueriesAreRefused() throws Exception {
        for (String query : List.of("page=0", "size=0", "size=101", "event_id=0", "event_id=-4", "status=SOLD",
                "status=confirmed", "page=x", "event_id=abc")) {
            HttpResponse<String> refused = get("/api/v1/bookings?" + query, user("u-mine"));
            assertThat(refused.statusCode()).as(query).isEqualTo(400);
            assertThat(json(refused).get("code").asString()).as(query).isEqualTo("VALIDATION_FAILED");
        }
        assertThat(get("/api/v1/bookings", java.util.Map.of()).statusCode()).isEqualTo(401);
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("results").forEach(b -> ids.add(b.get("booking_id").asString()));
        return ids;
    }
}
