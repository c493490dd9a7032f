package io.surge.ticketing.load;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Creates the sale a simulation drives, through the public admin API exactly as an operator would: a venue, an
 * event whose sale opens at T0, and the waiting room's settings. Returns once the waiting room, booking and the
 * read path all know the event.
 */
final class SaleSetup {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int SEATS_PER_ROW = 20;
    private static final int ROWS_PER_SECTION = 25;

    private final LoadParameters parameters;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1).build();

    SaleSetup(LoadParameters parameters) {
        this.parameters = parameters;
    }

    Sale create(String name, Instant onSaleAt) {
        String admin = token("load-admin-" + UUID.randomUUID(), List.of("admin"));
        long venueId = send("POST", "/api/v1/admin/venues", admin, Map.of("name", name + " Arena", "city", "Loadtown",
                "country", "US", "sections", sections(parameters.seats()))).path("venue_id").asLong();
        List<Map<String, Object>> tiers = new ArrayList<>();
        for (int i = 0; i < sections(parameters.seats()).size(); i++) {
            tiers.add(Map.of("section", sectionName(i), "price_cents", 4_000 + 1_000 * (i % 5)));
        }
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("name", name);
        event.put("performer", "The Surge");
        event.put("category", "concert");
        event.put("venue_id", venueId);
        event.put("starts_at", Instant.now().plus(30, ChronoUnit.DAYS).toString());
        event.put("on_sale_at", onSaleAt.toString());
        event.put("price_tiers", tiers);
        long eventId = send("POST", "/api/v1/admin/events", admin, event).path("event_id").asLong();
        awaitStatus("the waiting room knows event " + eventId, () -> request("PUT",
                "/api/v1/admin/events/" + eventId + "/waiting-room", admin, Map.of(
                        "prequeue_opens_at", Instant.now().minusSeconds(60).toString(),
                        "admission_rate_per_minute", parameters.admissionPerMinute(),
                        "admitted_session_seconds", 900,
                        "hold_seconds", parameters.holdSeconds(),
                        "max_tickets_per_user", Math.max(parameters.maxTickets(), 1))), 200);
        awaitStatus("availability of event " + eventId, () -> request("GET",
                "/api/v1/events/" + eventId + "/availability", null, null), 200);
        HttpResponse<String> map = awaitStatus("seat map of event " + eventId, () -> request("GET",
                "/api/v1/events/" + eventId + "/seatmap", null, null), 200);
        List<Long> sectionIds = new ArrayList<>();
        JsonNode seatMap;
        try {
            seatMap = JSON.readTree(map.body());
        } catch (JacksonException e) {
            throw new IllegalStateException(e);
        }
        seatMap.path("sections").forEach(section -> sectionIds.add(section.path("section_id").asLong()));
        Sale sale = new Sale(eventId, seatMap.path("seat_count").asInt(), sectionIds, onSaleAt);
        sale.record();
        return sale;
    }

    /** A fan's (or the admin's) JWT from the local stack's token endpoint. */
    String token(String userId, List<String> roles) {
        return send("POST", "/api/v1/auth/token", null, Map.of("user_id", userId, "roles", roles))
                .path("access_token").asString();
    }

    /** Sections of at most 25 rows x 20 seats, the last one smaller, adding up to {@code seats} (rounded up to a row). */
    static List<Map<String, Object>> sections(int seats) {
        List<Map<String, Object>> sections = new ArrayList<>();
        int left = seats;
        while (left > 0) {
            int seatsPerRow = Math.min(SEATS_PER_ROW, left);
            int rows = Math.min(ROWS_PER_SECTION, (left + seatsPerRow - 1) / seatsPerRow);
            sections.add(Map.of("name", sectionName(sections.size()), "rows", rows, "seats_per_row", seatsPerRow));
            left -= rows * seatsPerRow;
        }
        return sections;
    }

    static String sectionName(int index) {
        return "S" + (index + 1);
    }

    private JsonNode send(String method, String path, String token, Object body) {
        HttpResponse<String> response = request(method, path, token, body);
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(method + " " + path + " -> " + response.statusCode() + " " + response.body());
        }
        try {
            return JSON.readTree(response.body());
        } catch (JacksonException e) {
            throw new IllegalStateException(e);
        }
    }

    private HttpResponse<String> request(String method, String path, String token, Object body) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(parameters.baseUrl() + path))
                    .timeout(Duration.ofSeconds(30));
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            if (body == null) {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            } else {
                request.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
            }
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private interface Call {
        HttpResponse<String> send();
    }

    /** Retries a call until it answers {@code status}: catalog -> Kafka -> the other services takes a moment. */
    private static HttpResponse<String> awaitStatus(String what, Call call, int status) {
        Instant deadline = Instant.now().plusSeconds(60);
        HttpResponse<String> last = null;
        while (Instant.now().isBefore(deadline)) {
            last = call.send();
            if (last.statusCode() == status) {
                return last;
            }
            try {
                Thread.sleep(250); // a fixed poll: the setup runs once, before the load
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException(what + ": still " + (last == null ? "no answer" : last.statusCode() + " " + last.body()));
    }
}
