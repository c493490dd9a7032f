package io.surge.ticketing.chaos;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/**
 * The sale the chaos run drives, created through the public admin API as an operator would: a venue, an event on
 * sale now, and a waiting room admitting fast enough that the fans spend their time buying, not queueing.
 */
record ChaosSale(long eventId, List<Long> sectionIds, List<Long> ticketIds) {

    static ChaosSale create(Gateway gateway, Identity identity, String name, int sections, int rows, int seatsPerRow) {
        String admin = identity.token("chaos-admin", "admin");
        List<Map<String, Object>> layout = new ArrayList<>();
        List<Map<String, Object>> tiers = new ArrayList<>();
        for (int i = 0; i < sections; i++) {
            layout.add(Map.of("name", "C" + (i + 1), "rows", rows, "seats_per_row", seatsPerRow));
            tiers.add(Map.of("section", "C" + (i + 1), "price_cents", 5_000));
        }
        long venueId = ok(gateway.post("setup", "/api/v1/admin/venues", admin, Map.of("name", name + " Hall",
                "city", "Chaostown", "country", "US", "sections", layout))).path("venue_id").asLong();
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("name", name);
        event.put("performer", "The Faults");
        event.put("category", "concert");
        event.put("venue_id", venueId);
        event.put("starts_at", Instant.now().plus(30, ChronoUnit.DAYS).toString());
        event.put("on_sale_at", Instant.now().plusSeconds(5).toString());
        event.put("price_tiers", tiers);
        long eventId = ok(gateway.post("setup", "/api/v1/admin/events", admin, event)).path("event_id").asLong();
        await(() -> gateway.send("setup", "PUT", "/api/v1/admin/events/" + eventId + "/waiting-room", admin, Map.of(
                "prequeue_opens_at", Instant.now().minusSeconds(60).toString(),
                "admission_rate_per_minute", 60_000,
                "admitted_session_seconds", 3600,
                "hold_seconds", 600,
                "max_tickets_per_user", 4)).status() == 200, "the waiting room knows event " + eventId);
        await(() -> gateway.get("setup", "/api/v1/events/" + eventId + "/availability", null).status() == 200,
                "availability of event " + eventId);
        JsonNode seatMap = awaitBody(() -> gateway.get("setup", "/api/v1/events/" + eventId + "/seatmap", null));
        List<Long> sectionIds = new ArrayList<>();
        List<Long> ticketIds = new ArrayList<>();
        seatMap.path("sections").forEach(section -> {
            sectionIds.add(section.path("section_id").asLong());
            section.path("seats").forEach(seat -> ticketIds.add(seat.path("ticket_id").asLong()));
        });
        // the sale opens 5 s after creation: wait for it, so that the first fans are admitted at once
        Gateway.pause(Math.max(0, 6_000));
        return new ChaosSale(eventId, sectionIds, ticketIds);
    }

    private static JsonNode ok(Gateway.Response response) {
        if (response.status() / 100 != 2) {
            throw new IllegalStateException("setup failed: " + response.status() + " " + response.text());
        }
        return response.json();
    }

    private static JsonNode awaitBody(java.util.function.Supplier<Gateway.Response> call) {
        long deadline = System.currentTimeMillis() + 90_000;
        while (System.currentTimeMillis() < deadline) {
            Gateway.Response response = call.get();
            if (response.status() == 200) {
                return response.json();
            }
            Gateway.pause(500);
        }
        throw new IllegalStateException("setup: no seat map after 90 s");
    }

    private static void await(java.util.function.BooleanSupplier condition, String what) {
        long deadline = System.currentTimeMillis() + 90_000;
        while (System.currentTimeMillis() < deadline) {
            if (condition.getAsBoolean()) {
                return;
            }
            Gateway.pause(500);
        }
        throw new IllegalStateException("setup: " + what + " not after 90 s");
    }
}
