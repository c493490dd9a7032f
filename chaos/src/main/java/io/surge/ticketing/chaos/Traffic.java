package io.surge.ticketing.chaos;

import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import tools.jackson.databind.JsonNode;

/**
 * Fans buying while the faults happen, each as a real client does: a JWT, join the waiting room, poll until admitted,
 * look at the event and its availability (and search now and then), reserve a seat, follow the decision, then pay
 * (with one Idempotency-Key across retries) or walk away. A 503 or 429 is retried after its Retry-After, a lost
 * connection after a second; every answer is recorded by the {@link Gateway}. Every reservation the API accepted
 * is remembered, to prove afterwards that none was lost.
 */
final class Traffic {

    private static final long PATIENCE_MILLIS = 45_000;

    private final Gateway gateway;
    private final Identity identity;
    private final ChaosSale sale;
    private final int workers;
    private final String run = Long.toString(System.currentTimeMillis() % 1_000_000, 36);
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicLong fans = new AtomicLong();
    private final Set<String> accepted = ConcurrentHashMap.newKeySet();
    private final Map<String, AtomicLong> outcomes = new ConcurrentHashMap<>();
    private ExecutorService pool;

    Traffic(Gateway gateway, Identity identity, ChaosSale sale, int workers) {
        this.gateway = gateway;
        this.identity = identity;
        this.sale = sale;
        this.workers = workers;
    }

    void start() {
        running.set(true);
        pool = Executors.newFixedThreadPool(workers, runnable -> {
            Thread thread = new Thread(runnable, "chaos-fan");
            thread.setDaemon(true);
            return thread;
        });
        for (int i = 0; i < workers; i++) {
            pool.submit(this::fans);
        }
    }

    void stop() {
        running.set(false);
        pool.shutdown();
        try {
            pool.awaitTermination(90, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Booking ids the API accepted (201 or 202). */
    Set<String> accepted() {
        return Set.copyOf(accepted);
    }

    Map<String, Long> outcomes() {
        Map<String, Long> copy = new java.util.TreeMap<>();
        outcomes.forEach((name, count) -> copy.put(name, count.get()));
        return copy;
    }

    private void fans() {
        while (running.get()) {
            try {
                oneFan("chaos-" + run + "-" + fans.incrementAndGet());
            } catch (RuntimeException e) {
                count("client error " + e.getClass().getSimpleName());
            }
        }
    }

    private void oneFan(String fan) {
        long event = sale.eventId();
        String jwt = identity.token(fan);
        if (retrying(() -> gateway.post("join", "/api/v1/waiting-room/" + event + "/join", jwt, null)).status() != 200) {
            count("gave up: join");
            return;
        }
        String admission = admission(fan, jwt, event);
        if (admission == null) {
            count("gave up: admission");
            return;
        }
        think();
        gateway.get("event", "/api/v1/events/" + event, null);
        gateway.get("availability", "/api/v1/events/" + event + "/availability", null);
        if (ThreadLocalRandom.current().nextInt(4) == 0) {
            gateway.get("search", "/api/v1/events/search?q=chaos&n=" + ThreadLocalRandom.current().nextInt(50), null);
        }
        think();
        long section = sale.sectionIds().get(ThreadLocalRandom.current().nextInt(sale.sectionIds().size()));
        Gateway.Response reserved = retrying(() -> gateway.post("reserve", "/api/v1/bookings/reserve", jwt,
                Map.of("event_id", event, "section_id", section, "quantity", 1), "X-Admission-Token", admission));
        String bookingId = reserved.json().path("booking_id").asString(null);
        if ((reserved.status() == 201 || reserved.status() == 202) && bookingId != null) {
            accepted.add(bookingId);
        } else {
            count("reserve " + reserved.status());
            return;
        }
        String status = decided(bookingId, jwt, reserved);
        count("decided " + status);
        if (!"RESERVED".equals(status)) {
            return;
        }
        think();
        if (ThreadLocalRandom.current().nextInt(10) < 7) {
            String key = UUID.randomUUID().toString();
            Gateway.Response paid = retrying(() -> gateway.post("pay", "/api/v1/bookings/" + bookingId + "/payment", jwt,
                    Map.of("payment_token", "tok_visa"), "Idempotency-Key", key, "X-Admission-Token", admission));
            count("pay " + paid.status());
        } else {
            Gateway.Response cancelled = retrying(() -> gateway.send("cancel", "DELETE", "/api/v1/bookings/" + bookingId,
                    jwt, null, "X-Admission-Token", admission));
            count("cancel " + cancelled.status());
        }
    }

    private String admission(String fan, String jwt, long event) {
        long deadline = System.currentTimeMillis() + PATIENCE_MILLIS;
        while (running.get() && System.currentTimeMillis() < deadline) {
            Gateway.Response status = gateway.get("status", "/api/v1/waiting-room/" + event + "/status", jwt);
            JsonNode body = status.json();
            if (status.status() == 200 && "ADMITTED".equals(body.path("status").asString())) {
                return body.path("admission_token").asString(null);
            }
            if (status.status() == 404 && "NOT_IN_QUEUE".equals(body.path("code").asString())) {
                // the queue lost its place (Redis lost its data): a fan joins again, as the page tells them to
                count("joined again");
                retrying(() -> gateway.post("join", "/api/v1/waiting-room/" + event + "/join", jwt, null));
                continue;
            }
            Gateway.pause(status.status() == 200 ? 500 : status.retryAfterMillis());
        }
        return null;
    }

    private String decided(String bookingId, String jwt, Gateway.Response reserved) {
        if (reserved.status() == 201) {
            return "RESERVED";
        }
        long deadline = System.currentTimeMillis() + PATIENCE_MILLIS;
        while (System.currentTimeMillis() < deadline) {
            Gateway.Response booking = gateway.get("booking", "/api/v1/bookings/" + bookingId, jwt);
            String status = booking.json().path("status").asString("");
            if (booking.status() == 200 && !"PENDING".equals(status)) {
                return status;
            }
            Gateway.pause(booking.status() == 200 || booking.status() == 404 ? 300 : booking.retryAfterMillis());
        }
        return "STILL PENDING (client gave up)";
    }

    /** Retries what a client retries: 503 and 429 after Retry-After, no answer (0), 502 and 504 after a second. */
    private Gateway.Response retrying(Supplier<Gateway.Response> call) {
        long deadline = System.currentTimeMillis() + PATIENCE_MILLIS;
        Gateway.Response response = call.get();
        while (running.get() && retryable(response.status()) && System.currentTimeMillis() < deadline) {
            Gateway.pause(response.status() == 503 || response.status() == 429 ? response.retryAfterMillis() : 1_000);
            response = call.get();
        }
        return response;
    }

    private static boolean retryable(int status) {
        return status == 0 || status == 429 || status == 502 || status == 503 || status == 504;
    }

    /** A fan reads, picks and types: the sale lasts the whole run instead of selling out in minutes. */
    private static void think() {
        Gateway.pause(300 + ThreadLocalRandom.current().nextInt(700));
    }

    private void count(String outcome) {
        outcomes.computeIfAbsent(outcome, o -> new AtomicLong()).incrementAndGet();
    }
}
