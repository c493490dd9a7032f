package io.surge.ticketing.booking.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.surge.ticketing.booking.AfterTheSaleIntegrationTest;
import io.surge.ticketing.contracts.messages.TicketIds;

/**
 * The event's lifecycle as the catalog's inventory message tells it: a DRAFT does not exist for fans until published,
 * the sale closes when the show starts. Refused at the door and, for commands already buffered, by the decider.
 */
class EventLifecycleIntegrationTests extends AfterTheSaleIntegrationTest {

    @Test
    void aDraftIsNotFoundForFansUntilItIsPublished() throws Exception {
        long eventId = freshEventId();
        Instant startsAt = Instant.now().plus(Duration.ofDays(1));
        loader.load(inventory(eventId, 5_000, 3_000, false, false, startsAt));
        String fan = "u-draft-" + UUID.randomUUID();

        HttpResponse<String> door = reserve(eventId, fan);
        UUID buffered = hold(eventId, fan, 1, 1);
        HttpResponse<String> availability = get("/api/v1/events/" + eventId + "/availability", Map.of());

        assertThat(door.statusCode()).isEqualTo(404);
        assertThat(json(door).get("code").asString()).isEqualTo("EVENT_NOT_FOUND");
        assertThat(status(buffered)).isEqualTo("REJECTED");
        assertThat(reason(buffered)).isEqualTo("EVENT_NOT_FOUND");
        assertThat(availability.statusCode()).isEqualTo(404);

        loader.load(inventory(eventId, 5_000, 3_000, false, true, startsAt)); // published
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5))
                .until(() -> get("/api/v1/events/" + eventId + "/availability", Map.of()).statusCode() == 200);
        UUID afterPublishing = hold(eventId, fan, 1, 1);
        assertThat(status(afterPublishing)).isEqualTo("RESERVED");
    }

    @Test
    void fromTheShowsStartTheSaleIsClosed() throws Exception {
        long eventId = freshEventId();
        loader.load(inventory(eventId, 5_000, 3_000, false, true, Instant.now().minusSeconds(1)));
        String fan = "u-closed-" + UUID.randomUUID();

        HttpResponse<String> door = reserve(eventId, fan);
        UUID buffered = holdSeats(eventId, fan, List.of(TicketIds.of(eventId, 0)));

        assertThat(door.statusCode()).isEqualTo(409);
        assertThat(json(door).get("code").asString()).isEqualTo("SALE_CLOSED");
        assertThat(status(buffered)).isEqualTo("REJECTED");
        assertThat(reason(buffered)).isEqualTo("SALE_CLOSED");
    }

    @Test
    void theLifecycleIsKeptAsTheCatalogSendsItAgain() {
        long eventId = freshEventId();
        Instant startsAt = Instant.now().plus(Duration.ofDays(2)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        loader.load(inventory(eventId, 5_000, 3_000, false, false, startsAt));
        Instant later = startsAt.plus(Duration.ofHours(3));

        loader.load(inventory(eventId, 5_000, 3_000, false, true, later));

        Map<String, Object> row = jdbc.sql("SELECT starts_at, refund_deadline, published FROM event_inventory WHERE event_id = ?")
                .param(eventId).query().singleRow();
        assertThat(((java.sql.Timestamp) row.get("starts_at")).toInstant()).isEqualTo(later);
        assertThat(((java.sql.Timestamp) row.get("refund_deadline")).toInstant()).isEqualTo(later.minus(Duration.ofMinutes(30)));
        assertThat(row.get("published")).isEqualTo(true);
    }

    private HttpResponse<String> reserve(long eventId, String fan) throws Exception {
        return post("/api/v1/bookings/reserve", "{\"event_id\":" + eventId + ",\"section_id\":1,\"quantity\":1}",
                admitted(fan, eventId));
    }

    private String reason(UUID bookingId) {
        return jdbc.sql("SELECT reason FROM bookings WHERE booking_id = ?").param(bookingId).query(String.class).single();
    }
}
