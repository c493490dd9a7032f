package io.surge.ticketing.system.presale;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

import io.surge.ticketing.system.Platform;
import io.surge.ticketing.system.Platform.Response;

/**
 * A presale through the gateway, as an organizer and fans use it: generated codes admit only their holders before
 * the general sale, and they may buy then; a single-use code raced by twenty fans admits one; unknown and used-up
 * codes are refused; a fan without a code waits for the general sale.
 */
class PresaleSystemTests {

    private static final Platform platform = Platform.get();

    @Test
    void codesAdmitOnlyTheirHoldersBeforeTheGeneralSale_andAdmittedHoldersBuy() {
        long eventId = newEvent("Presale");
        Instant startsAt = Instant.now().plusSeconds(4);
        JsonNode presale = putPresale(eventId, startsAt, 3, 1);
        List<String> codes = new ArrayList<>();
        presale.get("codes").forEach(c -> codes.add(c.asString()));
        assertThat(codes).hasSize(3).doesNotHaveDuplicates();
        assertThat(codes).allMatch(c -> c.matches("[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}"));

        String holder = platform.token("presale-holder-" + eventId);
        Response early = join(eventId, holder, codes.get(0));
        assertThat(early.status()).as("%s", early).isEqualTo(200);
        assertThat(early.json().get("status").asString()).isEqualTo("PRE_QUEUE");
        assertThat(early.json().get("line").asString()).isEqualTo("PRESALE");

        Response stranger = join(eventId, platform.token("presale-stranger-" + eventId), null);
        assertThat(stranger.status()).as("no code: the general pre-queue is not open yet: %s", stranger).isEqualTo(409);
        assertThat(stranger.json().get("code").asString()).isEqualTo("WAITING_ROOM_NOT_OPEN");
        Response guessed = join(eventId, platform.token("presale-guesser-" + eventId), "AAAA-BBBB-CCCC");
        assertThat(guessed.status()).as("%s", guessed).isEqualTo(422);
        assertThat(guessed.json().get("code").asString()).isEqualTo("INVALID_PRESALE_CODE");
        assertThat(guessed.header("Content-Type")).startsWith("application/problem+json");
        Response reused = join(eventId, platform.token("presale-reuser-" + eventId), codes.get(0));
        assertThat(reused.status()).as("%s", reused).isEqualTo(409);
        assertThat(reused.json().get("code").asString()).isEqualTo("PRESALE_CODE_EXHAUSTED");

        Response general = Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                .until(() -> join(eventId, platform.token("presale-stranger-" + eventId), null),
                        r -> r.status() == 200);
        assertThat(general.json().get("status").asString())
                .as("from the presale's start a fan without a code waits in the general pre-queue").isEqualTo("PRE_QUEUE");
        assertThat(general.json().has("line")).isFalse();

        String token = Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                .until(() -> platform.get("/api/v1/waiting-room/" + eventId + "/status", holder).json(),
                        s -> "ADMITTED".equals(s.path("status").asString()))
                .get("admission_token").asString();
        long ticket = platform.get("/api/v1/events/" + eventId + "/seatmap", null).json().get("sections")
                .findValues("ticket_id").get(0).asLong();
        Response reserved = Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                .until(() -> platform.post("/api/v1/bookings/reserve", holder,
                                Map.of("event_id", eventId, "ticket_ids", List.of(ticket)), "X-Admission-Token", token,
                                "Idempotency-Key", "presale-" + eventId),
                        r -> r.status() != 503 && r.status() != 429);
        assertThat(reserved.status()).as("a presale fan buys before on_sale_at: %s", reserved).isIn(201, 202);
        String bookingId = reserved.json().get("booking_id").asString();
        JsonNode booking = Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300))
                .until(() -> platform.get("/api/v1/bookings/" + bookingId, holder).json(),
                        b -> !"PENDING".equals(b.path("status").asString()));
        assertThat(booking.get("status").asString()).as("%s", booking).isEqualTo("RESERVED");

        JsonNode read = platform.get("/api/v1/admin/events/" + eventId + "/presale", platform.adminToken()).json();
        assertThat(read.get("codes_used").asLong()).isEqualTo(1);
        assertThat(read.has("codes")).as("codes are kept hashed, never shown again").isFalse();
        JsonNode report = platform.get("/api/v1/admin/events/" + eventId + "/sales", platform.adminToken()).json();
        assertThat(report.at("/queue/presale/codes_used").asLong()).as("%s", report).isEqualTo(1);
        assertThat(report.at("/queue/presale/admitted").asLong()).as("%s", report).isEqualTo(1);
    }

    @Test
    void aSingleUseCodeRacedByTwentyFansAdmitsOne() throws Exception {
        long eventId = newEvent("Race");
        String code = "RACE-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        Map<String, Object> body = presaleBody(Instant.now().minusSeconds(1), 600);
        body.put("codes", List.of(code));
        body.put("max_uses_per_code", 1);
        Response put = platform.put("/api/v1/admin/events/" + eventId + "/presale", platform.adminToken(), body);
        assertThat(put.status()).as("%s", put).isEqualTo(200);

        int fans = 20;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(fans);
        List<Future<Response>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < fans; i++) {
                String jwt = platform.token("racer-" + i + "-" + eventId);
                answers.add(pool.submit(() -> {
                    start.await();
                    return join(eventId, jwt, code);
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Response> answer : answers) {
                statuses.add(answer.get().status());
            }
            assertThat(statuses).filteredOn(s -> s == 200).hasSize(1);
            assertThat(statuses).filteredOn(s -> s == 409).hasSize(fans - 1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theOrganizersRequestIsValidated_andOnlyAdminsMaySetAPresale() {
        long eventId = newEvent("Checked");
        Map<String, Object> both = presaleBody(Instant.now(), 600);
        both.put("code_count", 2);
        both.put("codes", List.of("ABCD-0001"));
        assertThat(platform.put("/api/v1/admin/events/" + eventId + "/presale", platform.adminToken(), both).status())
                .isEqualTo(400);
        Map<String, Object> over = presaleBody(Instant.now().minus(Duration.ofDays(2)), 600);
        over.put("ends_at", Instant.now().minus(Duration.ofDays(1)).toString());
        over.put("code_count", 2);
        Response late = platform.put("/api/v1/admin/events/" + eventId + "/presale", platform.adminToken(), over);
        assertThat(late.status()).as("%s", late).isEqualTo(400);
        assertThat(late.json().get("code").asString()).isEqualTo("VALIDATION_FAILED");
        Map<String, Object> fine = presaleBody(Instant.now(), 600);
        fine.put("code_count", 2);
        assertThat(platform.put("/api/v1/admin/events/" + eventId + "/presale", platform.token("not-admin-" + eventId),
                fine).status()).isEqualTo(403);
        assertThat(join(eventId, platform.token("fan-" + eventId), "ABCD-0001").status())
                .as("no presale: no valid code").isEqualTo(422);
    }

    private static long newEvent(String name) {
        String unique = name + " " + UUID.randomUUID().toString().substring(0, 8);
        long venueId = platform.createVenue(unique + " Hall", "Presaleville", Map.of("A", new int[] {2, 5}));
        // the general sale is a day away: only the presale can admit anyone during the test
        return platform.createEvent(unique, "The Early Birds", venueId, Instant.now().plus(Duration.ofDays(1)),
                Map.of("A", 4_500L));
    }

    private static JsonNode putPresale(long eventId, Instant startsAt, int codeCount, int maxUses) {
        Map<String, Object> body = presaleBody(startsAt, 6_000);
        body.put("code_count", codeCount);
        body.put("max_uses_per_code", maxUses);
        Response put = Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                .until(() -> platform.put("/api/v1/admin/events/" + eventId + "/presale", platform.adminToken(), body),
                        r -> r.status() != 503);
        assertThat(put.status()).as("%s", put).isEqualTo(200);
        return put.json();
    }

    private static Map<String, Object> presaleBody(Instant startsAt, int rate) {
        Map<String, Object> body = new HashMap<>();
        body.put("starts_at", startsAt.toString());
        body.put("ends_at", Instant.now().plus(Duration.ofHours(12)).toString());
        body.put("admission_rate_per_minute", rate);
        return body;
    }

    private static Response join(long eventId, String jwt, String code) {
        return platform.post("/api/v1/waiting-room/" + eventId + "/join", jwt,
                code == null ? null : Map.of("presale_code", code));
    }
}
