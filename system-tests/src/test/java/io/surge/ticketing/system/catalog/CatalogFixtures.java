package io.surge.ticketing.system.catalog;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import io.surge.ticketing.system.Platform;

/** Helpers of the catalog/search system tests: unique words, search calls, direct index reads. */
final class CatalogFixtures {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    private CatalogFixtures() {
    }

    /** A random lowercase word that no demo data contains (letters only: the analyzer keeps it one token). */
    static String word(int length) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < length; i++) {
            s.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
        }
        return s.toString();
    }

    /**
     * An admin write through the gateway, retried while the gateway sheds load (429, or 503 when its rate-limit
     * store is slow on this shared 2-core machine) or drops a connection: these tests are about the catalog, not
     * the edge. Only writes that are safe to repeat go through here (PATCH/DELETE, and fixtures with fresh names).
     */
    static Platform.Response admin(Platform p, String method, String path, Object body) {
        Platform.Response r = null;
        for (int attempt = 0; attempt < 50; attempt++) {
            try {
                r = p.send(method, path, p.adminToken(), body);
            } catch (IllegalStateException connectionFailed) {
                if (attempt == 49) {
                    throw connectionFailed;
                }
                r = null;
            }
            if (r != null && r.status() != 429 && r.status() != 503) {
                return r;
            }
            try {
                Thread.sleep(100L + 50L * attempt);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return r;
    }

    static long venue(Platform p, String city) {
        Platform.Response r = admin(p, "POST", "/api/v1/admin/venues", Map.of("name", "Hall " + word(6), "city", city,
                "country", "US", "sections", List.of(Map.of("name", "A", "rows", 3, "seats_per_row", 4),
                        Map.of("name", "B", "rows", 2, "seats_per_row", 5))));
        if (r.status() != 201) {
            throw new IllegalStateException("venue not created: " + r);
        }
        return r.json().get("venue_id").asLong();
    }

    static long event(Platform p, String name, String performer, long venueId) {
        Map<String, Object> body = new java.util.HashMap<>();
        body.put("name", name);
        body.put("performer", performer);
        body.put("category", "concert");
        body.put("venue_id", venueId);
        body.put("starts_at", Instant.now().plus(Duration.ofDays(30)).toString());
        body.put("on_sale_at", Instant.now().plus(Duration.ofDays(1)).toString());
        body.put("price_tiers", List.of(Map.of("section", "A", "price_cents", 5000L),
                Map.of("section", "B", "price_cents", 3000L)));
        Platform.Response r = admin(p, "POST", "/api/v1/admin/events", body);
        if (r.status() != 201) {
            throw new IllegalStateException("event not created: " + r);
        }
        return r.json().get("event_id").asLong();
    }

    static String query(String... params) {
        StringBuilder q = new StringBuilder("/api/v1/events/search?");
        for (int i = 0; i + 1 < params.length; i += 2) {
            q.append(i == 0 ? "" : "&").append(params[i]).append('=')
                    .append(URLEncoder.encode(params[i + 1], StandardCharsets.UTF_8));
        }
        return q.toString();
    }

    static List<Long> searchIds(Platform p, String... params) {
        Platform.Response r = p.get(query(params), null);
        if (r.status() == 502 || r.status() == 503 || r.status() == 504) {
            throw new SearchUnavailable("search failed: " + r);
        }
        if (r.status() != 200) {
            throw new IllegalStateException("search failed: " + r);
        }
        List<Long> ids = new ArrayList<>();
        r.json().get("results").forEach(n -> ids.add(n.get("event_id").asLong()));
        return ids;
    }

    /**
     * A search answered 502/503/504: the gateway or the breaker shed it. Polls that wait for the index to change retry
     * it (a slow answer on a loaded machine says nothing about what is indexed); anything else fails the test.
     */
    static final class SearchUnavailable extends IllegalStateException {
        SearchUnavailable(String message) {
            super(message);
        }
    }

    /** The document Elasticsearch holds for an event (null when absent), read past the search API. */
    static JsonNode indexed(Platform p, long eventId) {
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(
                    p.env("TICKETING_ES_URL") + "/events/_doc/" + eventId)).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() == 404) {
                return null;
            }
            return JSON.readTree(r.body());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static long percentile(List<Long> sorted, double p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1));
    }
}
