package io.surge.ticketing.system.booking;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;

import tools.jackson.databind.JsonNode;

import io.surge.ticketing.system.Platform;

/** An event on sale now, created through the admin API, with its seat map as fans see it. */
public record SaleFixture(long eventId, int seatCount, List<Long> sectionIds, List<Long> ticketIds) {

    /** Creates a venue of {@code sections} sections of {@code rows} x {@code seatsPerRow}, and an event on sale. */
    public static SaleFixture onSaleNow(Platform platform, int sections, int rows, int seatsPerRow) {
        Map<String, int[]> layout = new LinkedHashMap<>();
        Map<String, Long> prices = new LinkedHashMap<>();
        for (int i = 0; i < sections; i++) {
            String name = String.valueOf((char) ('A' + i));
            layout.put(name, new int[] {rows, seatsPerRow});
            prices.put(name, 2_000L + 1_000L * i);
        }
        String tag = UUID.randomUUID().toString().substring(0, 8);
        long venueId = platform.createVenue("Race Hall " + tag, "Testville", layout);
        long eventId = platform.createEvent("Race Night " + tag, "The Racers", venueId,
                Instant.now().minus(Duration.ofMinutes(1)), prices);

        JsonNode seatMap = Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
                .until(() -> platform.get("/api/v1/events/" + eventId + "/seatmap", null), r -> r.status() == 200)
                .json();
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
                .until(() -> platform.get("/api/v1/events/" + eventId + "/availability", null).status() == 200);
        List<Long> sectionIds = new ArrayList<>();
        List<Long> ticketIds = new ArrayList<>();
        for (JsonNode section : seatMap.get("sections")) {
            sectionIds.add(section.get("section_id").asLong());
            for (JsonNode seat : section.get("seats")) {
                ticketIds.add(seat.get("ticket_id").asLong());
            }
        }
        int seatCount = seatMap.get("seat_count").asInt();
        assertThat(ticketIds).hasSize(seatCount).hasSize(sections * rows * seatsPerRow);
        return new SaleFixture(eventId, seatCount, sectionIds, ticketIds);
    }
}
