package io.surge.ticketing.system.aftersale;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

import io.surge.ticketing.system.Platform;
import io.surge.ticketing.system.Platform.Response;

/**
 * An event's life as fans and organizers see it through the gateway: a draft nobody sees until it is published,
 * settings written right after creation, a sale that stops admitting while sold out and resumes when seats come
 * back, a price change that spares the holds already quoted, a sale that closes when the show starts, and the
 * organizer's sales report.
 */
class EventLifecycleSystemTests {

    private static final Platform platform = Platform.get();

    @Test
    void aDraftIsInvisibleUnsellableAndUnjoinableUntilPublished() {
        String name = "Draft " + UUID.randomUUID().toString().substring(0, 8);
        long venueId = platform.createVenue(name + " Hall", "Draftville", Map.of("A", new int[] {1, 4}));
        Response created = platform.post("/api/v1/admin/events", platform.adminToken(),
                event(name, venueId, Instant.now().minusSeconds(60), Instant.now().plus(Duration.ofDays(10)), false));
        assertThat(created.status()).as("%s", created).isEqualTo(201);
        long eventId = created.json().get("event_id").asLong();
        String fan = platform.token("draft-fan-" + eventId);

        assertThat(platform.get("/api/v1/events/" + eventId, null).status()).isEqualTo(404);
        assertThat(platform.get("/api/v1/events/" + eventId + "/seatmap", null).status()).isEqualTo(404);
        Buyer.pause(3_000); // CDC has had its time: a draft must still not be found
        assertThat(platform.get("/api/v1/events/search?q=" + name.replace(' ', '+'), null).json().get("total").asLong())
                .isZero();
        Response join = platform.post("/api/v1/waiting-room/" + eventId + "/join", fan, null);
        assertThat(join.status()).as("%s", join).isEqualTo(404);
        assertThat(join.json().get("code").asString()).isEqualTo("EVENT_NOT_FOUND");
        Response reserve = platform.post("/api/v1/bookings/reserve", fan,
                Map.of("event_id", eventId, "section_id", 1, "quantity", 1),
                "X-Admission-Token", platform.admissionToken("draft-fan-" + eventId, eventId, Duration.ofMinutes(5)));
        assertThat(reserve.status()).as("%s", reserve).isEqualTo(404);

        Response published = platform.post("/api/v1/admin/events/" + eventId + "/publish", platform.adminToken(), null);
        assertThat(published.status()).as("%s", published).isEqualTo(200);
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                .until(() -> platform.get("/api/v1/events/" + eventId, null), r -> r.status() == 200);
        assertThat(platform.get("/api/v1/events/" + eventId, null).json().get("status").asString()).isEqualTo("ON_SALE");
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                .until(() -> platform.get("/api/v1/events/search?q=" + name.replace(' ', '+'), null).json()
                        .get("total").asLong() == 1);
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                .until(() -> platform.post("/api/v1/waiting-room/" + eventId + "/join", fan, null).status() == 200);
    }

    @Test
    void theWaitingRoomTakesItsSettingsRightAfterTheEventIsCreated() {
        String name = "Eager " + UUID.randomUUID().toString().substring(0, 8);
        long venueId = platform.createVenue(name + " Hall", "Eagerville", Map.of("A", new int[] {1, 4}));
        for (int i = 0; i < 5; i++) {
            long eventId = platform.createEvent(name + " " + i, "The Eager", venueId,
                    Instant.now().plus(Duration.ofHours(1)), Map.of("A", 1_000L));
            Response settings = platform.put("/api/v1/admin/events/" + eventId + "/waiting-room", platform.adminToken(),
                    Map.of("admission_rate_per_minute", 600, "max_tickets_per_user", 2));
            assertThat(settings.status()).as("settings right after creating event %d: %s", eventId, settings)
                    .isEqualTo(200);
        }
    }

    @Test
    void aSoldOutSaleStopsAdmittingAndResumesWhenSeatsComeBack() {
        long eventId = eventOnSale("SoldOut", 1, 2, Instant.now().plus(Duration.ofDays(10)));
        assertThat(platform.put("/api/v1/admin/events/" + eventId + "/waiting-room", platform.adminToken(),
                Map.of("admission_rate_per_minute", 600, "max_tickets_per_user", 2)).status()).isEqualTo(200);
        String progress = "/api/v1/waiting-room/" + eventId + "/progress";
        String first = "soldout-first-" + eventId;
        String admission = admitted(eventId, first);
        Buyer holder = new Buyer(platform, first, eventId);
        JsonNode hold = holder.reserve(ticketIds(eventId));
        assertThat(hold.get("status").asString()).isEqualTo("RESERVED");

        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                .until(() -> platform.get("/api/v1/events/" + eventId, null).json().get("status").asString(),
                        "SOLD_OUT"::equals);
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                .until(() -> platform.get(progress, null).json().get("status").asString(), "SOLD_OUT"::equals);
        String second = platform.token("soldout-second-" + eventId);
        Response joined = platform.post("/api/v1/waiting-room/" + eventId + "/join", second, null);
        assertThat(joined.status()).as("%s", joined).isEqualTo(200);
        Buyer.pause(5_000); // several admission ticks at 10 fans a second: nobody is let in while nothing is left
        Response waiting = platform.get("/api/v1/waiting-room/" + eventId + "/status", second);
        assertThat(waiting.json().get("status").asString()).as("%s", waiting).isEqualTo("SOLD_OUT");
        assertThat(waiting.json().has("admission_token")).isFalse();

        assertThat(platform.delete("/api/v1/bookings/" + hold.get("booking_id").asString(), holder.jwt(),
                "X-Admission-Token", admission).status()).isEqualTo(200);
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                .until(() -> platform.get("/api/v1/waiting-room/" + eventId + "/status", second).json()
                        .get("status").asString(), "ADMITTED"::equals);
        assertThat(platform.get(progress, null).json().get("status").asString()).isIn("OPEN", "SOLD_OUT");
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                .until(() -> platform.get("/api/v1/events/" + eventId, null).json().get("status").asString(),
                        "ON_SALE"::equals);
    }

    @Test
    void aPriceChangeAppliesToLaterHoldsAndAHoldKeepsItsQuotedPrice() {
        long eventId = eventOnSale("Price", 1, 4, Instant.now().plus(Duration.ofDays(10)));
        List<Long> seats = ticketIds(eventId);
        Buyer early = new Buyer(platform, "price-early-" + eventId, eventId);
        JsonNode quoted = early.reserve(seats.subList(0, 1));
        assertThat(quoted.get("total_cents").asLong()).isEqualTo(2_000);

        assertThat(platform.patch("/api/v1/admin/events/" + eventId, platform.adminToken(),
                Map.of("price_tiers", List.of(Map.of("section", "A", "price_cents", 3_500)))).status()).isEqualTo(200);
        Buyer late = new Buyer(platform, "price-late-" + eventId, eventId);
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            JsonNode hold = late.reserve(seats.subList(1, 2));
            if (hold.get("total_cents").asLong() == 3_500) {
                return true;
            }
            platform.delete("/api/v1/bookings/" + hold.get("booking_id").asString(), late.jwt(),
                    "X-Admission-Token", platform.admissionToken(late.userId(), eventId, Duration.ofMinutes(5)));
            return false;
        });
        // the seat map shows the new price once the edge's copy (kept a second) is renewed
        Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(500))
                .until(() -> platform.get("/api/v1/events/" + eventId + "/seatmap", null).json().get("sections").get(0)
                        .get("price_cents").asLong() == 3_500);

        String earlyId = quoted.get("booking_id").asString();
        assertThat(early.pay(earlyId).status()).isEqualTo(200);
        assertThat(early.booking(earlyId).json().get("total_cents").asLong()).as("the quoted price").isEqualTo(2_000);
    }

    @Test
    void theSaleClosesWhenTheShowStarts() {
        Instant startsAt = Instant.now().plusSeconds(25);
        long eventId = eventOnSale("Closing", 1, 4, startsAt);
        List<Long> seats = ticketIds(eventId);
        Buyer fan = new Buyer(platform, "closing-" + eventId, eventId);
        assertThat(fan.reserve(seats.subList(0, 1)).get("status").asString()).isEqualTo("RESERVED");

        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                .until(() -> platform.get("/api/v1/events/" + eventId, null).json().get("status").asString(),
                        "CLOSED"::equals);
        Response late = platform.post("/api/v1/bookings/reserve", fan.jwt(),
                Map.of("event_id", eventId, "ticket_ids", seats.subList(1, 2)), "X-Admission-Token",
                platform.admissionToken(fan.userId(), eventId, Duration.ofMinutes(5)));
        assertThat(late.status()).as("%s", late).isEqualTo(409);
        assertThat(late.json().get("code").asString()).isEqualTo("SALE_CLOSED");
        Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(500))
                .until(() -> platform.get("/api/v1/waiting-room/" + eventId + "/progress", null).json()
                        .get("status").asString(), "CLOSED"::equals);
    }

    @Test
    void theSalesReportCountsSeatsMoneyCheckInsAndTheQueue() {
        long eventId = eventOnSale("Report", 1, 6, Instant.now().plus(Duration.ofDays(10)));
        List<Long> seats = ticketIds(eventId);
        Buyer a = new Buyer(platform, "report-a-" + eventId, eventId);
        Buyer b = new Buyer(platform, "report-b-" + eventId, eventId);
        String sold = a.buy(seats.subList(0, 2));
        String refunded = b.buy(seats.subList(2, 3));
        a.reserve(seats.subList(3, 4));
        assertThat(b.refund(refunded, UUID.randomUUID().toString()).status()).isEqualTo(200);
        String code = a.tickets(sold).json().get("tickets").get(0).get("code").asString();
        assertThat(platform.post("/api/v1/admin/events/" + eventId + "/check-ins", platform.adminToken(),
                Map.of("code", code)).status()).isEqualTo(200);
        platform.post("/api/v1/waiting-room/" + eventId + "/join", platform.token("report-queue-" + eventId), null);

        Response report = platform.get("/api/v1/admin/events/" + eventId + "/sales", platform.adminToken());
        assertThat(report.status()).as("%s", report).isEqualTo(200);
        JsonNode r = report.json();
        assertThat(r.get("event_id").asLong()).isEqualTo(eventId);
        assertThat(r.get("status").asString()).isEqualTo("ON_SALE");
        assertThat(r.get("seat_count").asInt()).isEqualTo(6);
        assertThat(r.get("sold").asInt()).isEqualTo(2);
        assertThat(r.get("held").asInt()).isEqualTo(1);
        assertThat(r.get("available").asInt()).isEqualTo(3);
        assertThat(r.get("refunded").asInt()).isEqualTo(1);
        assertThat(r.get("gross_cents").asLong()).isEqualTo(6_000);
        assertThat(r.get("refunded_cents").asLong()).isEqualTo(2_000);
        assertThat(r.get("checked_in").asInt()).isEqualTo(1);
        assertThat(r.get("queue").has("waiting")).isTrue();
        assertThat(r.get("queue").has("admitted")).isTrue();
        assertThat(platform.get("/api/v1/admin/events/" + eventId + "/sales", a.jwt()).status()).isEqualTo(403);
        assertThat(platform.get("/api/v1/admin/events/987654321/sales", platform.adminToken()).status()).isEqualTo(404);
    }

    // ------------------------------------------------------------------------------------------------ fixtures

    static Map<String, Object> event(String name, long venueId, Instant onSaleAt, Instant startsAt, boolean publish) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("performer", "The Lifecycles");
        body.put("category", "concert");
        body.put("venue_id", venueId);
        body.put("starts_at", startsAt.toString());
        body.put("on_sale_at", onSaleAt.toString());
        body.put("price_tiers", List.of(Map.of("section", "A", "price_cents", 2_000)));
        body.put("publish", publish);
        return body;
    }

    /** A published event on sale since a minute ago, section A of rows x seats at 20.00, ready to sell. */
    static long eventOnSale(String label, int rows, int seatsPerRow, Instant startsAt) {
        String name = label + " " + UUID.randomUUID().toString().substring(0, 8);
        long venueId = platform.createVenue(name + " Hall", "Lifecycle City", Map.of("A", new int[] {rows, seatsPerRow}));
        Response created = platform.post("/api/v1/admin/events", platform.adminToken(),
                event(name, venueId, Instant.now().minusSeconds(60), startsAt, true));
        assertThat(created.status()).as("%s", created).isEqualTo(201);
        long eventId = created.json().get("event_id").asLong();
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
                .until(() -> platform.get("/api/v1/events/" + eventId + "/availability", null).status() == 200);
        return eventId;
    }

    static List<Long> ticketIds(long eventId) {
        JsonNode map = platform.get("/api/v1/events/" + eventId + "/seatmap", null).json();
        return map.get("sections").findValues("ticket_id").stream().map(JsonNode::asLong).toList();
    }

    /** Joins as the fan and polls until admitted; the admission token. */
    static String admitted(long eventId, String userId) {
        String jwt = platform.token(userId);
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
                .until(() -> platform.post("/api/v1/waiting-room/" + eventId + "/join", jwt, null).status() == 200);
        return Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
                .until(() -> platform.get("/api/v1/waiting-room/" + eventId + "/status", jwt).json(),
                        s -> "ADMITTED".equals(s.path("status").asString()))
                .get("admission_token").asString();
    }
}
