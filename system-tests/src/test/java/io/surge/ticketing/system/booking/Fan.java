package io.surge.ticketing.system.booking;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import tools.jackson.databind.JsonNode;

import io.surge.ticketing.system.Platform;
import io.surge.ticketing.system.Platform.Response;

/**
 * A fan's client as a well-behaved app would write it: reserve, retry what the platform says is retryable
 * (429/502/503/504 and connection failures, after Retry-After), and poll a 202 until it is decided.
 */
final class Fan {

    /** How often each status was answered to reserve calls (retries included), for the test's summary line. */
    static final java.util.concurrent.ConcurrentHashMap<Integer, Integer> STATUSES = new java.util.concurrent.ConcurrentHashMap<>();

    private final Platform platform;
    private final String userId;
    private final String jwt;
    private final long eventId;
    private final String admission;

    Fan(Platform platform, String userId, long eventId) {
        this.platform = platform;
        this.userId = userId;
        this.jwt = platform.token(userId);
        this.eventId = eventId;
        this.admission = platform.admissionToken(userId, eventId, Duration.ofMinutes(30));
    }

    String userId() {
        return userId;
    }

    /** Lets a hold go: {@code DELETE /api/v1/bookings/{id}}. */
    Response cancel(String bookingId) {
        return platform.delete("/api/v1/bookings/" + bookingId, jwt, "X-Admission-Token", admission);
    }

    /** Reserves and follows the answer to its decision; returns the final answer (201, 409, 4xx) or the poll. */
    Outcome reserve(Map<String, Object> body, Duration patience) {
        // One key per attempt: retries of this attempt can never reserve twice.
        String idempotencyKey = java.util.UUID.randomUUID().toString();
        Instant deadline = Instant.now().plus(patience);
        while (true) {
            Response response;
            try {
                response = platform.post("/api/v1/bookings/reserve", jwt, body, "X-Admission-Token", admission,
                        "Idempotency-Key", idempotencyKey);
            } catch (IllegalStateException connectionFailure) {
                if (Instant.now().isAfter(deadline)) {
                    throw connectionFailure;
                }
                pause(500);
                continue;
            }
            STATUSES.merge(response.status(), 1, Integer::sum);
            if (retryable(response.status()) && Instant.now().isBefore(deadline)) {
                pause(retryAfterMillis(response));
                continue;
            }
            if (response.status() == 202) {
                String bookingId = response.json().get("booking_id").asString();
                return new Outcome(response.status(), bookingId, awaitDecision(bookingId, deadline), true);
            }
            JsonNode json = response.json();
            String bookingId = json.hasNonNull("booking_id") ? json.get("booking_id").asString() : null;
            return new Outcome(response.status(), bookingId, json, false);
        }
    }

    JsonNode booking(String bookingId) {
        return platform.get("/api/v1/bookings/" + bookingId, jwt).json();
    }

    private JsonNode awaitDecision(String bookingId, Instant deadline) {
        while (true) {
            Response response;
            try {
                response = platform.get("/api/v1/bookings/" + bookingId, jwt);
            } catch (IllegalStateException connectionFailure) {
                response = null;
            }
            if (response != null && response.status() == 200
                    && !"PENDING".equals(response.json().get("status").asString())) {
                return response.json();
            }
            if (Instant.now().isAfter(deadline.plusSeconds(120))) {
                throw new AssertionError("booking " + bookingId + " was never decided: " + response);
            }
            pause(250);
        }
    }

    private static boolean retryable(int status) {
        return status == 429 || status == 502 || status == 503 || status == 504;
    }

    private static long retryAfterMillis(Response response) {
        String header = response.header("Retry-After");
        try {
            return Math.min(3000, header == null ? 300 : Long.parseLong(header) * 1000);
        } catch (NumberFormatException e) {
            return 300;
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * @param status   the HTTP status of the reserve call (202 when it was buffered)
     * @param decision the final booking (after polling) or the problem body
     * @param polled   whether the answer was a 202 followed by polling
     */
    record Outcome(int status, String bookingId, JsonNode decision, boolean polled) {

        boolean reserved() {
            return status == 201 || (polled && "RESERVED".equals(decision.path("status").asString()));
        }
    }
}
