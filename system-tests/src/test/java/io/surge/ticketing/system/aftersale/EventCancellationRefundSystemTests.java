package io.surge.ticketing.system.aftersale;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

import io.surge.ticketing.invariants.InvariantChecker;
import io.surge.ticketing.invariants.InvariantReport;
import io.surge.ticketing.invariants.LocalStack;
import io.surge.ticketing.system.Platform;
import io.surge.ticketing.system.Platform.Response;

/**
 * An organizer cancels a show with 1,000 paid bookings and live holds, and payment-service is killed while the
 * refunds run: every paid booking ends REFUNDED with exactly one refund at the provider, every hold ends CANCELLED,
 * and nothing more is sold, paid or queued for the show.
 */
class EventCancellationRefundSystemTests {

    private static final Platform platform = Platform.get();
    private static final int FANS = 100;
    private static final int BOOKINGS_EACH = 10;

    @Test
    void cancellingAShowRefundsEveryPaidBookingExactlyOnceThroughAKillOfPaymentService() throws Exception {
        int paidBookings = FANS * BOOKINGS_EACH;
        long eventId = EventLifecycleSystemTests.eventOnSale("Cancelled", 11, 100, Instant.now().plus(Duration.ofDays(10)));
        List<Long> seats = EventLifecycleSystemTests.ticketIds(eventId);
        assertThat(platform.put("/api/v1/admin/events/" + eventId + "/waiting-room", platform.adminToken(),
                Map.of("max_tickets_per_user", BOOKINGS_EACH + 1, "admission_rate_per_minute", 1)).status())
                .isEqualTo(200);

        List<Buyer> fans = new ArrayList<>();
        List<String> paid = new ArrayList<>();
        List<String> holds = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<List<String>>> purchases = new ArrayList<>();
            for (int f = 0; f < FANS; f++) {
                Buyer fan = new Buyer(platform, "cancel-" + f + "-" + eventId, eventId);
                fans.add(fan);
                int first = f * BOOKINGS_EACH;
                purchases.add(pool.submit(() -> {
                    List<String> mine = new ArrayList<>();
                    for (int i = 0; i < BOOKINGS_EACH; i++) {
                        mine.add(fan.buy(List.of(seats.get(first + i))));
                    }
                    return mine;
                }));
            }
            for (Future<List<String>> purchase : purchases) {
                paid.addAll(purchase.get(15, TimeUnit.MINUTES));
            }
        } finally {
            pool.shutdownNow();
        }
        for (int h = 0; h < 20; h++) {
            JsonNode hold = fans.get(h).reserve(List.of(seats.get(paidBookings + h)));
            assertThat(hold.get("status").asString()).isEqualTo("RESERVED");
            holds.add(hold.get("booking_id").asString());
        }
        List<String> queued = new ArrayList<>();
        for (int q = 0; q < 3; q++) {
            String jwt = platform.token("cancel-queued-" + q + "-" + eventId);
            assertThat(platform.post("/api/v1/waiting-room/" + eventId + "/join", jwt, null).status()).isEqualTo(200);
            queued.add(jwt);
        }

        assertThat(platform.delete("/api/v1/admin/events/" + eventId, platform.adminToken()).status()).isEqualTo(204);
        // kill payment-service while it refunds
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> RefundLedger.providerRefundsOfEvent(platform, eventId).size() >= 50);
        assertThat(platform.launcher("kill", "payment-service")).isZero();
        int refundedAtKill = RefundLedger.providerRefundsOfEvent(platform, eventId).size();
        assertThat(platform.launcher("start", "payment-service")).isZero();
        System.out.printf("payment-service killed after %d of %d provider refunds%n", refundedAtKill, paidBookings);

        Awaitility.await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofSeconds(2))
                .until(() -> fans.stream().mapToLong(fan -> platform.get("/api/v1/bookings?event_id=" + eventId
                        + "&status=REFUNDED&size=20", fan.jwt()).json().path("total").asLong()).sum() == paidBookings);
        Map<String, Integer> refunds = RefundLedger.providerRefundsOfEvent(platform, eventId);
        assertThat(refunds).hasSize(paidBookings).containsOnlyKeys(paid);
        assertThat(refunds.values()).as("one provider refund per booking").containsOnly(1);
        for (String hold : holds.subList(0, 5)) {
            Buyer owner = fans.get(holds.indexOf(hold));
            assertThat(owner.booking(hold).json().get("status").asString()).isEqualTo("CANCELLED");
            Response pay = owner.pay(hold);
            assertThat(pay.status()).as("%s", pay).isEqualTo(409);
            assertThat(pay.json().get("code").asString()).isEqualTo("EVENT_CANCELLED");
        }

        Response reserve = platform.post("/api/v1/bookings/reserve", fans.get(0).jwt(),
                Map.of("event_id", eventId, "ticket_ids", List.of(seats.get(seats.size() - 1))), "X-Admission-Token",
                platform.admissionToken(fans.get(0).userId(), eventId, Duration.ofMinutes(5)));
        assertThat(reserve.status()).as("%s", reserve).isEqualTo(409);
        assertThat(reserve.json().get("code").asString()).isEqualTo("EVENT_CANCELLED");
        Response join = platform.post("/api/v1/waiting-room/" + eventId + "/join", platform.token("late-" + eventId), null);
        assertThat(join.status()).isEqualTo(409);
        assertThat(join.json().get("code").asString()).isEqualTo("EVENT_CANCELLED");
        for (String jwt : queued) {
            JsonNode status = platform.get("/api/v1/waiting-room/" + eventId + "/status", jwt).json();
            assertThat(status.get("status").asString()).isEqualTo("CLOSED");
            assertThat(status.get("reason").asString()).isEqualTo("EVENT_CANCELLED");
        }
        assertThat(platform.get("/api/v1/events/" + eventId, null).json().get("status").asString()).isEqualTo("CANCELLED");

        InvariantReport report = InvariantChecker.withDefaults(LocalStack.load()).check(List.of(eventId));
        assertThat(report.violations()).as(report.describe()).isEmpty();
    }
}
