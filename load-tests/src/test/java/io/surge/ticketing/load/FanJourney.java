package io.surge.ticketing.load;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.asLongAs;
import static io.gatling.javaapi.core.CoreDsl.asLongAsDuring;
import static io.gatling.javaapi.core.CoreDsl.doIf;
import static io.gatling.javaapi.core.CoreDsl.doIfOrElse;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.exitHereIf;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.http.HttpDsl.header;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.CheckBuilder;
import io.gatling.javaapi.core.CoreDsl;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.http.HttpRequestActionBuilder;
import io.surge.ticketing.invariants.LocalStack;

/**
 * The steps of one fan, as the public API offers them: mint a token, join the waiting room, poll until admitted,
 * read availability, reserve chosen or best-available seats (retrying on a conflict while seats are left), then
 * pay or walk away. Each fan comes from its own address ({@code X-Forwarded-For}, honoured from the trusted proxy
 * on the local stack), as fans do.
 * <p>
 * Fans behave as the API asks clients to: a shed answer (503 or 429, always with {@code Retry-After}) is retried
 * after the pause it names, and a reservation or payment that timed out is retried with the same
 * {@code Idempotency-Key}. A shed answer is flow control, not a failure, so it counts as OK when it carries
 * {@code Retry-After}; {@link SurgeReport} counts them, and the fans who gave up.
 */
final class FanJourney {

    private static final int MAX_RESERVE_ATTEMPTS = 3;
    private static final int MAX_RETRIES = 6;

    private final LoadParameters parameters;
    private final Sale sale;
    private final SurgeReport report;
    private final FanTokens tokens = FanTokens.fromLocalStack(LocalStack.load());
    private final String run = Long.toString(System.currentTimeMillis(), 36);

    FanJourney(LoadParameters parameters, Sale sale, SurgeReport report) {
        this.parameters = parameters;
        this.sale = sale;
        this.report = report;
    }

    /** The whole journey, start to end. */
    ScenarioBuilder scenario(String name) {
        return CoreDsl.scenario(name).exec(arrive(), mintTokenAndJoin(), awaitAdmission(), reserveAndPay());
    }

    /** Who the fan is: a user id, an address, how many seats they want, whether they will pay. */
    private ChainBuilder arrive() {
        return exec(session -> {
            ThreadLocalRandom random = ThreadLocalRandom.current();
            long n = session.userId();
            return session.set("user", "fan-" + run + "-" + n)
                    .set("ip", "10." + ((n >> 16) & 0xFF) + "." + ((n >> 8) & 0xFF) + "." + (n & 0xFF))
                    .set("event", sale.eventId())
                    .set("quantity", 1 + random.nextInt(Math.max(1, parameters.maxTickets())))
                    .set("pays", random.nextDouble() >= parameters.abandonRatio());
        });
    }

    /**
     * A fan logs in (the simulation signs the JWT as the identity provider would, or asks the local token endpoint
     * with {@code -Dtokens=endpoint}) and joins the waiting room; without a token or a place it goes no further.
     */
    private ChainBuilder mintTokenAndJoin() {
        ChainBuilder login = tokens != null
                ? exec(session -> session.set("jwt", tokens.mint(session.getString("user"))))
                : retrying(from(http("token").post("/api/v1/auth/token"))
                        .body(StringBody("{\"user_id\":\"#{user}\",\"roles\":[]}")).asJson(),
                        List.of(200), jsonPath("$.access_token").optional().saveAs("jwt"));
        return exec(
                login,
                exitHereIf(session -> !session.contains("jwt")),
                retrying(authed(http("join").post("/api/v1/waiting-room/#{event}/join")), List.of(200),
                        jsonPath("$.status").optional().saveAs("queue_status"),
                        jsonPath("$.queue_number").ofLong().optional().saveAs("queue_number"),
                        jsonPath("$.eta_seconds").ofInt().optional().saveAs("eta"),
                        jsonPath("$.code").optional().saveAs("error_code")),
                exitHereIf(session -> !session.contains("queue_status")));
    }

    /**
     * Waits for admission as a waiting-room page does: it polls the queue's public progress (the same cacheable answer
     * for every fan, no token), compares {@code serving} with its own queue number, and asks for its own status only
     * when that can change something: once the sale opens (to learn the number a pre-queue entry was given) and once
     * its number is served (to collect the admission token). Polls come about every half of the remaining wait
     * (1-15 s), jittered so they do not arrive in waves.
     */
    private ChainBuilder awaitAdmission() {
        return asLongAsDuring(session -> !admitted(session), parameters.maxQueueWait()).on(
                pause(this::nextPoll),
                doIfOrElse(FanJourney::ownStatusCanChange).then(
                        exec(authed(http("queue status").get("/api/v1/waiting-room/#{event}/status"))
                                .check(status().saveAs("http_status"), jsonPath("$.code").optional().saveAs("error_code"),
                                        status().in(200, 429, 503),
                                        jsonPath("$.status").optional().saveAs("queue_status"),
                                        jsonPath("$.queue_number").ofLong().optional().saveAs("queue_number"),
                                        jsonPath("$.eta_seconds").ofInt().optional().saveAs("eta"),
                                        jsonPath("$.admission_token").optional().saveAs("admission"))),
                        exec(session -> session.remove("serving").remove("progress_status"))
                ).orElse(
                        exec(from(http("queue progress").get("/api/v1/waiting-room/#{event}/progress"))
                                .check(status().saveAs("http_status"), jsonPath("$.code").optional().saveAs("error_code"),
                                        status().in(200, 429, 503),
                                        jsonPath("$.status").optional().saveAs("progress_status"),
                                        jsonPath("$.serving").ofLong().optional().saveAs("serving"),
                                        jsonPath("$.admission_rate_per_minute").ofInt().optional().saveAs("rate")))),
                exec(this::countShed));
    }

    /** Whether the fan's own entry may have news: the sale opened for a pre-queue entry, or its number is served. */
    static boolean ownStatusCanChange(Session session) {
        if ("PRE_QUEUE".equals(session.getString("queue_status"))) {
            return "OPEN".equals(session.getString("progress_status"));
        }
        if (!session.contains("queue_number")) {
            return true;
        }
        return session.contains("serving") && session.getLong("serving") >= session.getLong("queue_number");
    }

    private ChainBuilder reserveAndPay() {
        return doIf(FanJourney::admitted).then(reserve(), payOrAbandon());
    }

    private ChainBuilder reserve() {
        return exec(session -> session.set("attempt", 0).set("wants_seats", true)).asLongAs(
                session -> session.getBoolean("wants_seats")).on(
                exec(session -> session.remove("bitfield")),
                retrying(from(http("availability").get("/api/v1/events/#{event}/availability")), List.of(200),
                        jsonPath("$.bitfield").optional().saveAs("bitfield")),
                exec(this::nextAttempt),
                doIf(session -> session.getBoolean("wants_seats")).then(
                        retrying(authed(http("reserve").post("/api/v1/bookings/reserve"))
                                .header("X-Admission-Token", "#{admission}")
                                .header("Idempotency-Key", "#{user}-reserve-#{attempt}")
                                .body(StringBody("#{reserve_body}")).asJson(), List.of(201, 202, 409),
                                jsonPath("$.booking_id").optional().saveAs("booking"),
                                jsonPath("$.status").optional().saveAs("booking_status")),
                        asLongAsDuring(session -> "PENDING".equals(session.getString("booking_status")),
                                Duration.ofSeconds(30)).on(
                                pause(Duration.ofMillis(500)),
                                // shed (503/429 with Retry-After) like any other request: retried after the pause
                                retrying(authed(http("booking status").get("/api/v1/bookings/#{booking}")),
                                        List.of(200), jsonPath("$.status").saveAs("booking_status"))),
                        exec(session -> session.set("wants_seats", !"RESERVED".equals(session.getString("booking_status"))
                                && session.getInt("attempt") < MAX_RESERVE_ATTEMPTS))));
    }

    private ChainBuilder payOrAbandon() {
        return doIf(session -> "RESERVED".equals(session.getString("booking_status"))).then(
                doIfOrElse(session -> session.getBoolean("pays")).then(
                        pause(Duration.ofSeconds(1), Duration.ofSeconds(3)),
                        retrying(authed(http("pay").post("/api/v1/bookings/#{booking}/payment"))
                                .header("X-Admission-Token", "#{admission}")
                                .header("Idempotency-Key", "#{user}-pay")
                                .body(StringBody("{\"payment_token\":\"tok_visa\"}")).asJson(), List.of(200),
                                jsonPath("$.status").optional().saveAs("payment_status")),
                        exec(session -> {
                            report.paid("CONFIRMED".equals(session.getString("payment_status")));
                            return session;
                        }))
                        // walking away: the hold expires and the cleanup worker releases the seats
                        .orElse(exec(session -> {
                            report.abandoned();
                            return session;
                        })));
    }

    /**
     * Sends a request until it is answered with one of {@code expected}: a shed answer (503/429 with Retry-After)
     * is OK and retried after the pause it names; a timeout or gateway error (502/504) is a failure (KO) and is
     * retried after a second, safely, because every write carries an Idempotency-Key.
     */
    private ChainBuilder retrying(HttpRequestActionBuilder request, List<Integer> expected, CheckBuilder... saves) {
        List<Integer> acceptable = new ArrayList<>(expected);
        acceptable.add(429);
        acceptable.add(503);
        List<CheckBuilder> checks = new ArrayList<>();
        checks.add(status().saveAs("http_status"));
        checks.add(jsonPath("$.code").optional().saveAs("error_code"));
        checks.add(status().in(acceptable));
        checks.addAll(List.of(saves));
        return exec(session -> session.set("tries", 0).set("again", true)).asLongAs(
                session -> session.getBoolean("again")).on(
                exec(session -> session.remove("http_status").remove("retry_after").remove("error_code")),
                exec(request.check(header("Retry-After").optional().saveAs("retry_after")).check(checks)),
                exec(session -> {
                    int tries = session.getInt("tries") + 1;
                    boolean again = !expected.contains(statusOf(session)) && tries < MAX_RETRIES;
                    countShed(session);
                    if (!again && !expected.contains(statusOf(session))) {
                        report.gaveUp();
                    }
                    return session.set("tries", tries).set("again", again);
                }),
                doIf(session -> session.getBoolean("again")).then(pause(FanJourney::retryPause)));
    }

    private Session countShed(Session session) {
        int status = statusOf(session);
        if (status == 503 || status == 429) {
            report.shed();
        } else if (status >= 400 && session.contains("error_code")) {
            report.refused(status + " " + session.getString("error_code"));
        }
        return session.remove("error_code");
    }

    private static int statusOf(Session session) {
        return session.contains("http_status") ? session.getInt("http_status") : 0;
    }

    /**
     * The pause before the next try: the server's Retry-After (at least 1 s), doubled with every failed try (a
     * client backs off exponentially, so a shedding platform is not hammered by its own fans), at most 30 s,
     * jittered by up to a second so retries do not come back in waves.
     */
    static Duration retryPause(Session session) {
        long seconds = 1;
        if (session.contains("retry_after")) {
            try {
                seconds = Math.max(1, Long.parseLong(session.getString("retry_after").trim()));
            } catch (NumberFormatException e) {
                seconds = 1;
            }
        }
        int tries = session.contains("tries") ? Math.max(0, session.getInt("tries") - 1) : 0;
        long backoff = Math.min(30, seconds << Math.min(tries, 5));
        return Duration.ofMillis(backoff * 1_000 + ThreadLocalRandom.current().nextInt(1_000));
    }

    /**
     * A waiting-room page's next poll: in the pre-queue, at T0 plus up to 5 s (the page knows T0); in the queue,
     * about half the announced wait (2-15 s); jittered so polls never arrive in waves.
     */
    Duration nextPoll(Session session) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        if (statusOf(session) == 503 || statusOf(session) == 429) {
            return retryPause(session);
        }
        if (!"QUEUED".equals(session.getString("queue_status"))) {
            long untilOpen = Duration.between(java.time.Instant.now(), sale.onSaleAt()).toMillis();
            return Duration.ofMillis(Math.max(0, untilOpen) + 1_000 + random.nextInt(4_000));
        }
        long eta = session.contains("eta") ? session.getInt("eta") : 2;
        if (session.contains("serving") && session.contains("queue_number") && session.contains("rate")
                && session.getInt("rate") > 0) {
            eta = Math.max(0, session.getLong("queue_number") - session.getLong("serving")) * 60 / session.getInt("rate");
        }
        long base = Math.max(1_000, Math.min(15_000, eta * 500L));
        return Duration.ofMillis(base / 2 + random.nextLong(base));
    }

    /**
     * Chooses seats on the fresh bitfield (or asks for the best available, also when availability did not
     * answer), or gives up when this fan sees the event sold out.
     */
    private Session nextAttempt(Session session) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String bitfield = session.getString("bitfield");
        int quantity = session.getInt("quantity");
        Session next = session.remove("booking").remove("booking_status").set("attempt", session.getInt("attempt") + 1);
        if (bitfield != null && SeatPicker.free(bitfield, sale.seatCount()) < quantity) {
            return next.set("wants_seats", false);
        }
        String body;
        if (bitfield != null && random.nextDouble() < parameters.chosenRatio()) {
            List<Long> seats = SeatPicker.pick(sale.eventId(), bitfield, sale.seatCount(), quantity, random);
            body = "{\"event_id\":" + sale.eventId() + ",\"ticket_ids\":["
                    + seats.stream().map(String::valueOf).collect(Collectors.joining(",")) + "]}";
        } else {
            long section = sale.sectionIds().get(random.nextInt(sale.sectionIds().size()));
            body = "{\"event_id\":" + sale.eventId() + ",\"section_id\":" + section + ",\"quantity\":" + quantity + "}";
        }
        return next.set("reserve_body", body);
    }

    private static boolean admitted(Session session) {
        return "ADMITTED".equals(session.getString("queue_status")) && session.contains("admission");
    }

    private static HttpRequestActionBuilder from(HttpRequestActionBuilder request) {
        return request.header("X-Forwarded-For", "#{ip}");
    }

    private static HttpRequestActionBuilder authed(HttpRequestActionBuilder request) {
        return from(request).header("Authorization", "Bearer #{jwt}");
    }
}
