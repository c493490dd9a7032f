package io.surge.ticketing.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;

/**
 * What a test sets up or does beside the browser, through the gateway's public API as any client would: an
 * organizer's venue, event and sale, and a fan buying through the API.
 */
final class Platform {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    record Answer(int status, String body) {
        <T> T read(String path) {
            return JsonPath.read(body, path);
        }
    }

    private Platform() {
    }

    static String token(String userId, boolean admin) {
        Answer answer = send("POST", "/api/v1/auth/token", null,
                "{\"user_id\":\"" + userId + "\",\"roles\":" + (admin ? "[\"admin\"]" : "[]") + "}", Map.of());
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.read("$.access_token");
    }

    /** A venue of one section, {@code rows} x {@code seatsPerRow}. */
    static long createVenue(String admin, String name, String section, int rows, int seatsPerRow) {
        Answer answer = send("POST", "/api/v1/admin/venues", admin, """
                {"name":"%s","city":"Lisbon","country":"PT","sections":[{"name":"%s","rows":%d,"seats_per_row":%d}]}"""
                .formatted(name, section, rows, seatsPerRow), Map.of());
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        return ((Number) answer.read("$.venue_id")).longValue();
    }

    /** A published event in that venue, on sale at {@code onSaleAt}, one price for section {@code section}. */
    static long createEvent(String admin, long venueId, String name, String performer, String section, Instant onSaleAt,
            long priceCents) {
        Answer answer = send("POST", "/api/v1/admin/events", admin, """
                {"name":"%s","performer":"%s","category":"concert","venue_id":%d,"starts_at":"%s","on_sale_at":"%s",
                 "price_tiers":[{"section":"%s","price_cents":%d}]}"""
                .formatted(name, performer, venueId, Instant.now().plus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS),
                        onSaleAt.truncatedTo(ChronoUnit.SECONDS), section, priceCents), Map.of());
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        return ((Number) answer.read("$.event_id")).longValue();
    }

    /** A fast waiting room: nobody waits long once the sale opens. */
    static void fastWaitingRoom(String admin, long eventId) {
        Answer answer = send("PUT", "/api/v1/admin/events/" + eventId + "/waiting-room", admin, """
                {"admission_rate_per_minute":6000,"admitted_session_seconds":600,"hold_seconds":300,"max_tickets_per_user":6}""",
                Map.of());
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    }

    /** Search is fed through CDC: waits until the event is found by {@code q}. */
    static void awaitSearchable(String q, long eventId) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            Answer answer = send("GET", "/api/v1/events/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8),
                    null, null, Map.of());
            assertThat(answer.status()).isEqualTo(200);
            List<Number> ids = answer.read("$.results[*].event_id");
            assertThat(ids).extracting(Number::longValue).contains(eventId);
        });
    }

    /** A fan through the API: joins, waits for the admission token, takes {@code quantity} best seats and pays. */
    static String fanBuys(String fan, long eventId, long sectionId, int quantity) {
        String[] hold = fanHolds(fan, eventId, sectionId, quantity);
        Answer paid = send("POST", "/api/v1/bookings/" + hold[0] + "/payment", fan, "{\"payment_token\":\"tok_visa\"}",
                Map.of("Idempotency-Key", UUID.randomUUID().toString(), "X-Admission-Token", hold[1]));
        assertThat(paid.status()).as(paid.body()).isEqualTo(200);
        return hold[0];
    }

    /**
     * A fan through the API holds {@code quantity} best seats without paying: its booking id and admission token.
     */
    static String[] fanHolds(String fan, long eventId, long sectionId, int quantity) {
        send("POST", "/api/v1/waiting-room/" + eventId + "/join", fan, "{}", Map.of());
        String[] admission = new String[1];
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            Answer status = send("GET", "/api/v1/waiting-room/" + eventId + "/status", fan, null, Map.of());
            assertThat(status.body()).contains("\"ADMITTED\"");
            admission[0] = status.read("$.admission_token");
        });
        Answer reserved = send("POST", "/api/v1/bookings/reserve", fan,
                "{\"event_id\":%d,\"section_id\":%d,\"quantity\":%d}".formatted(eventId, sectionId, quantity),
                Map.of("X-Admission-Token", admission[0]));
        assertThat(reserved.status()).as(reserved.body()).isIn(201, 202);
        String bookingId = reserved.read("$.booking_id");
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).until(() ->
                send("GET", "/api/v1/bookings/" + bookingId, fan, null, Map.of()).body().contains("\"RESERVED\""));
        return new String[] {bookingId, admission[0]};
    }

    static Answer send(String method, String path, String token, String json, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(Browser.GATEWAY + path))
                .timeout(Duration.ofSeconds(20))
                .header("Accept", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A word no other event has, so a search finds this test's event only. */
    static String uniqueWord() {
        String letters = "bcdfghjklmnpqrstvwxz";
        StringBuilder word = new StringBuilder("Zor");
        long n = System.nanoTime();
        for (int i = 0; i < 6; i++) {
            word.append(letters.charAt((int) (n % letters.length())));
            n /= letters.length();
        }
        return word.toString();
    }
}
