package io.surge.ticketing.system.aftersale;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import tools.jackson.databind.JsonNode;

import io.surge.ticketing.system.Platform;
import io.surge.ticketing.system.Platform.Response;

/**
 * A fan who buys through the public API as an app does: reserve chosen seats (one Idempotency-Key across retries),
 * follow a 202 to its decision, pay with {@code tok_visa} (one key across retries), retrying what the platform says
 * is retryable. Admission tokens are minted with the real secret: these tests are about what happens after the sale,
 * the waiting room has its own.
 */
final class Buyer {

    private final Platform platform;
    private final String userId;
    private final String jwt;
    private final long eventId;
    private final String admission;

    Buyer(Platform platform, String userId, long eventId) {
        this.platform = platform;
        this.userId = userId;
        this.jwt = platform.token(userId);
        this.eventId = eventId;
        this.admission = platform.admissionToken(userId, eventId, Duration.ofMinutes(30));
    }

    String userId() {
        return userId;
    }

    String jwt() {
        return jwt;
    }

    /** Reserves the seats and waits for the decision: the booking as {@code GET /api/v1/bookings/{id}} answers. */
    JsonNode reserve(List<Long> ticketIds) {
        String key = UUID.randomUUID().toString();
        Response reserved = retrying(() -> platform.post("/api/v1/bookings/reserve", jwt,
                Map.of("event_id", eventId, "ticket_ids", ticketIds), "X-Admission-Token", admission,
                "Idempotency-Key", key));
        assertThat(reserved.status()).as("reserve: %s", reserved).isIn(201, 202);
        String bookingId = reserved.json().get("booking_id").asString();
        return decided(bookingId);
    }

    /** Pays a RESERVED booking and returns the payment answer (200 CONFIRMED unless the test says otherwise). */
    Response pay(String bookingId) {
        String key = UUID.randomUUID().toString();
        return retrying(() -> platform.post("/api/v1/bookings/" + bookingId + "/payment", jwt,
                Map.of("payment_token", "tok_visa"), "Idempotency-Key", key, "X-Admission-Token", admission));
    }

    /** Reserves and pays: the booking id of a CONFIRMED booking. */
    String buy(List<Long> ticketIds) {
        JsonNode booking = reserve(ticketIds);
        assertThat(booking.get("status").asString()).as("%s", booking).isEqualTo("RESERVED");
        String bookingId = booking.get("booking_id").asString();
        Response paid = pay(bookingId);
        assertThat(paid.status()).as("pay: %s", paid).isEqualTo(200);
        assertThat(paid.json().get("status").asString()).isEqualTo("CONFIRMED");
        return bookingId;
    }

    Response refund(String bookingId, String idempotencyKey) {
        return platform.post("/api/v1/bookings/" + bookingId + "/refund", jwt, null, "Idempotency-Key", idempotencyKey);
    }

    Response booking(String bookingId) {
        return platform.get("/api/v1/bookings/" + bookingId, jwt);
    }

    Response tickets(String bookingId) {
        return platform.get("/api/v1/bookings/" + bookingId + "/tickets", jwt);
    }

    private JsonNode decided(String bookingId) {
        Instant deadline = Instant.now().plusSeconds(60);
        while (true) {
            Response response = retrying(() -> platform.get("/api/v1/bookings/" + bookingId, jwt));
            if (response.status() == 200 && !"PENDING".equals(response.json().get("status").asString())) {
                return response.json();
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("booking " + bookingId + " was never decided: " + response);
            }
            pause(200);
        }
    }

    static Response retrying(java.util.function.Supplier<Response> call) {
        Instant deadline = Instant.now().plusSeconds(60);
        while (true) {
            Response response;
            try {
                response = call.get();
            } catch (IllegalStateException connectionFailure) {
                if (Instant.now().isAfter(deadline)) {
                    throw connectionFailure;
                }
                pause(500);
                continue;
            }
            boolean retryable = response.status() == 429 || response.status() == 502 || response.status() == 503
                    || response.status() == 504;
            if (!retryable || Instant.now().isAfter(deadline)) {
                return response;
            }
            String after = response.header("Retry-After");
            pause(after == null ? 300 : Math.min(3_000, Long.parseLong(after.trim()) * 1_000));
        }
    }

    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
