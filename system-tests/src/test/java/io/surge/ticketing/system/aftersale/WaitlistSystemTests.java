package io.surge.ticketing.system.aftersale;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

import io.surge.ticketing.invariants.InvariantChecker;
import io.surge.ticketing.invariants.InvariantReport;
import io.surge.ticketing.invariants.LocalStack;
import io.surge.ticketing.system.Platform;
import io.surge.ticketing.system.Platform.Response;

/**
 * A sold-out event's waiting list through the gateway: fans join only once it is sold out; seats that come back
 * (a cancelled hold, an expired offer, a refund) go to the fans on it in order, as holds in their names that they pay
 * with the offer's admission token; an offer not paid in time moves on to the next fan; once nobody waits, returned
 * seats are on sale again. The invariant checker holds after it all.
 */
class WaitlistSystemTests {

    private static final Platform platform = Platform.get();

    @Test
    void returnedSeatsGoToTheWaitingListInOrder_anUnpaidOfferMovesOn_andAPaidOneIsFulfilled() throws Exception {
        long eventId = EventLifecycleSystemTests.eventOnSale("Waitlist", 2, 2, Instant.now().plus(Duration.ofDays(20)));
        Response settings = platform.put("/api/v1/admin/events/" + eventId + "/waiting-room", platform.adminToken(),
                Map.of("hold_seconds", 30, "max_tickets_per_user", 4));
        assertThat(settings.status()).as("%s", settings).isEqualTo(200);
        JsonNode seatMap = platform.get("/api/v1/events/" + eventId + "/seatmap", null).json();
        long sectionId = seatMap.get("sections").get(0).get("section_id").asLong();
        List<Long> tickets = EventLifecycleSystemTests.ticketIds(eventId);
        assertThat(tickets).hasSize(4);

        String early = platform.token("wl-early-" + eventId);
        Response notYet = join(eventId, early, sectionId);
        assertThat(notYet.status()).as("%s", notYet).isEqualTo(409);
        assertThat(notYet.json().get("code").asString()).isEqualTo("EVENT_NOT_SOLD_OUT");

        Buyer owner = new Buyer(platform, "wl-owner-" + eventId, eventId);
        String paid = owner.buy(tickets.subList(0, 2));
        Buyer holder = new Buyer(platform, "wl-holder-" + eventId, eventId);
        JsonNode hold = holder.reserve(tickets.subList(2, 4));
        assertThat(hold.get("status").asString()).isEqualTo("RESERVED");

        String[] fans = new String[3];
        for (int i = 0; i < fans.length; i++) {
            fans[i] = platform.token("wl-fan-" + i + "-" + eventId);
            Response joined = join(eventId, fans[i], sectionId);
            assertThat(joined.status()).as("%s", joined).isEqualTo(201);
            assertThat(joined.json().get("status").asString()).isEqualTo("WAITING");
            assertThat(joined.json().get("position").asLong()).isEqualTo(i + 1);
        }
        Response again = join(eventId, fans[0], sectionId);
        assertThat(again.status()).as("joining twice: the same entry").isEqualTo(200);
        assertThat(again.json().get("position").asLong()).isEqualTo(1);
        assertThat(platform.get("/api/v1/events/" + eventId + "/waitlist/me", platform.token("wl-nobody-" + eventId))
                .status()).isEqualTo(404);

        // the holder lets its two seats go: the first two fans are offered one each, the third waits
        Response cancelled = platform.delete("/api/v1/bookings/" + hold.get("booking_id").asString(), holder.jwt(),
                "X-Admission-Token", platform.admissionToken(holder.userId(), eventId, Duration.ofMinutes(5)));
        assertThat(cancelled.status()).as("%s", cancelled).isEqualTo(200);
        JsonNode first = awaitStatus(eventId, fans[0], "OFFERED");
        JsonNode second = awaitStatus(eventId, fans[1], "OFFERED");
        JsonNode third = me(eventId, fans[2]);
        assertThat(third.get("status").asString()).isEqualTo("WAITING");
        assertThat(third.get("position").asLong()).isEqualTo(1);
        assertThat(first.at("/offer/ticket_ids").get(0).asLong()).isNotEqualTo(second.at("/offer/ticket_ids").get(0).asLong());
        assertThat(List.of(first.at("/offer/ticket_ids").get(0).asLong(), second.at("/offer/ticket_ids").get(0).asLong()))
                .containsExactlyInAnyOrderElementsOf(tickets.subList(2, 4));
        JsonNode offeredBooking = platform.get("/api/v1/bookings/" + first.at("/offer/booking_id").asString(), fans[0])
                .json();
        assertThat(offeredBooking.get("status").asString()).as("an offer is a hold in the fan's name").isEqualTo("RESERVED");

        // the first pays its offer with the offer's admission token
        Response pay = Buyer.retrying(() -> platform.post("/api/v1/bookings/" + first.at("/offer/booking_id").asString()
                        + "/payment", fans[0], Map.of("payment_token", "tok_visa"), "Idempotency-Key",
                UUID.randomUUID().toString(), "X-Admission-Token", first.at("/offer/admission_token").asString()));
        assertThat(pay.status()).as("%s", pay).isEqualTo(200);
        assertThat(pay.json().get("status").asString()).isEqualTo("CONFIRMED");
        assertThat(me(eventId, fans[0]).get("status").asString()).isEqualTo("FULFILLED");

        // the second lets its offer expire: it moves on to the third
        assertThat(Instant.parse(second.at("/offer/expires_at").asString()))
                .isBefore(Instant.now().plus(Duration.ofSeconds(40)));
        JsonNode moved = awaitStatus(eventId, fans[2], "OFFERED");
        assertThat(me(eventId, fans[1]).get("status").asString()).isEqualTo("EXPIRED");
        assertThat(moved.at("/offer/ticket_ids").get(0).asLong()).isEqualTo(second.at("/offer/ticket_ids").get(0).asLong());
        Response thirdPays = Buyer.retrying(() -> platform.post("/api/v1/bookings/" + moved.at("/offer/booking_id")
                        .asString() + "/payment", fans[2], Map.of("payment_token", "tok_visa"), "Idempotency-Key",
                UUID.randomUUID().toString(), "X-Admission-Token", moved.at("/offer/admission_token").asString()));
        assertThat(thirdPays.status()).as("%s", thirdPays).isEqualTo(200);

        // nobody waits any more: a refund puts its seats back on sale, and the list is closed to new fans
        Response refunded = owner.refund(paid, UUID.randomUUID().toString());
        assertThat(refunded.status()).as("%s", refunded).isIn(200, 202);
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                .until(() -> join(eventId, platform.token("wl-late-" + eventId), sectionId),
                        r -> r.status() == 409 && "EVENT_NOT_SOLD_OUT".equals(r.json().get("code").asString()));

        InvariantReport report = InvariantChecker.withDefaults(LocalStack.load()).check(List.of(eventId));
        assertThat(report.checked()).contains(InvariantChecker.WAITLIST_OFFERS_CONSISTENT);
        assertThat(report.violations()).as(report.describe()).isEmpty();
    }

    @Test
    void aWaitingListRefusesWhatItCannotKeep() {
        long eventId = EventLifecycleSystemTests.eventOnSale("Waitlist rules", 1, 2, Instant.now().plus(Duration.ofDays(20)));
        List<Long> tickets = EventLifecycleSystemTests.ticketIds(eventId);
        new Buyer(platform, "wlr-owner-" + eventId, eventId).buy(tickets);
        String fan = platform.token("wlr-fan-" + eventId);

        Response tooMany = platform.post("/api/v1/events/" + eventId + "/waitlist", fan, Map.of("quantity", 99));
        assertThat(tooMany.status()).as("%s", tooMany).isEqualTo(400);
        Response noSuchSection = platform.post("/api/v1/events/" + eventId + "/waitlist", fan,
                Map.of("quantity", 1, "section_id", 987_654_321L));
        assertThat(noSuchSection.status()).as("%s", noSuchSection).isEqualTo(400);
        assertThat(platform.post("/api/v1/events/" + eventId + "/waitlist", null, Map.of("quantity", 1)).status())
                .as("a fan must be signed in").isEqualTo(401);
        assertThat(platform.post("/api/v1/events/987654321/waitlist", fan, Map.of("quantity", 1)).status()).isEqualTo(404);
        Response anySection = platform.post("/api/v1/events/" + eventId + "/waitlist", fan, Map.of("quantity", 1));
        assertThat(anySection.status()).as("%s", anySection).isEqualTo(201);
        assertThat(anySection.json().has("section_id")).isFalse();
    }

    @Test
    void cancellingTheEventClosesItsWaitingList() {
        long eventId = EventLifecycleSystemTests.eventOnSale("Waitlist closed", 1, 2, Instant.now().plus(Duration.ofDays(20)));
        List<Long> tickets = EventLifecycleSystemTests.ticketIds(eventId);
        new Buyer(platform, "wlc-owner-" + eventId, eventId).buy(tickets);
        String fan = platform.token("wlc-fan-" + eventId);
        assertThat(platform.post("/api/v1/events/" + eventId + "/waitlist", fan, Map.of("quantity", 1)).status())
                .isEqualTo(201);

        Response cancelled = platform.delete("/api/v1/admin/events/" + eventId, platform.adminToken());
        assertThat(cancelled.status()).as("%s", cancelled).isIn(200, 202, 204);

        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                .until(() -> me(eventId, fan).get("status").asString(), "CLOSED"::equals);
        Response late = platform.post("/api/v1/events/" + eventId + "/waitlist", platform.token("wlc-late-" + eventId),
                Map.of("quantity", 1));
        assertThat(late.status()).as("%s", late).isEqualTo(409);
        assertThat(late.json().get("code").asString()).isEqualTo("EVENT_CANCELLED");
    }

    private static Response join(long eventId, String jwt, long sectionId) {
        return platform.post("/api/v1/events/" + eventId + "/waitlist", jwt, Map.of("quantity", 1, "section_id", sectionId));
    }

    private static JsonNode me(long eventId, String jwt) {
        Response response = platform.get("/api/v1/events/" + eventId + "/waitlist/me", jwt);
        assertThat(response.status()).as("%s", response).isEqualTo(200);
        return response.json();
    }

    private static JsonNode awaitStatus(long eventId, String jwt, String status) {
        return Awaitility.await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                .until(() -> me(eventId, jwt), entry -> status.equals(entry.get("status").asString()));
    }
}
