package io.surge.ticketing.booking.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

import io.surge.ticketing.booking.AfterTheSaleIntegrationTest;
import io.surge.ticketing.contracts.messages.TicketIds;

/** A price change re-sent by the catalog applies to holds taken after it; a hold keeps the price it was quoted. */
class PriceChangeIntegrationTests extends AfterTheSaleIntegrationTest {

    @Test
    void laterHoldsPayTheNewPriceAndAnEarlierHoldKeepsItsQuoteEvenWhenPaidAfterTheChange() throws Exception {
        long eventId = freshEventId();
        Instant startsAt = Instant.now().plus(Duration.ofDays(1));
        loader.load(inventory(eventId, 5_000, 3_000, false, true, startsAt));
        String early = "u-early-" + UUID.randomUUID();
        String late = "u-late-" + UUID.randomUUID();
        UUID before = hold(eventId, early, 1, 2);

        loader.load(inventory(eventId, 7_500, 2_000, false, true, startsAt));
        UUID after = hold(eventId, late, 1, 2);
        UUID chosenAfter = holdSeats(eventId, late, List.of(TicketIds.of(eventId, 10)));
        assertThat(post("/internal/bookings/" + before + "/confirm", "{\"payment_id\":\"pay-early\"}", Map.of()).statusCode())
                .isEqualTo(200);
        post("/internal/bookings/" + after + "/confirm", "{\"payment_id\":\"pay-late\"}", Map.of());

        assertThat(total(before)).isEqualTo(10_000);
        assertThat(total(after)).isEqualTo(15_000);
        assertThat(total(chosenAfter)).isEqualTo(2_000);
        assertThat(jdbc.sql("SELECT price_cents FROM event_sections WHERE event_id = ? ORDER BY section_id").param(eventId)
                .query(Long.class).list()).containsExactly(7_500L, 2_000L);
        JsonNode earlyTickets = json(get("/api/v1/bookings/" + before + "/tickets", user(early))).get("tickets");
        JsonNode lateTickets = json(get("/api/v1/bookings/" + after + "/tickets", user(late))).get("tickets");
        assertThat(earlyTickets.get(0).get("price_cents").asLong()).as("as paid").isEqualTo(5_000);
        assertThat(lateTickets.get(1).get("price_cents").asLong()).isEqualTo(7_500);
    }

    private long total(UUID bookingId) {
        return jdbc.sql("SELECT total_cents FROM bookings WHERE booking_id = ?").param(bookingId).query(Long.class).single();
    }
}
