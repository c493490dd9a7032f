package io.surge.ticketing.system.aftersale;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import io.surge.ticketing.system.Platform;
import io.surge.ticketing.system.Platform.Response;
import io.surge.ticketing.system.booking.SaleFixture;

/**
 * A fan refunds a paid booking before the event's refund deadline: through the payment provider, exactly once
 * whatever the retries, races and crashes, and the seats go back on sale.
 */
class RefundSystemTests {

    private static final Platform platform = Platform.get();

    @Test
    void fiftyConcurrentIdenticalRefundsRefundOnceAndTheSeatsGoBackOnSale() throws Exception {
        SaleFixture sale = SaleFixture.onSaleNow(platform, 1, 1, 4);
        Buyer fan = new Buyer(platform, "refund-" + sale.eventId(), sale.eventId());
        List<Long> seats = sale.ticketIds().subList(0, 2);
        String bookingId = fan.buy(seats);
        String key = UUID.randomUUID().toString();

        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(50);
        List<Future<Response>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < 50; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return fan.refund(bookingId, key);
                }));
            }
            start.countDown();
            Set<String> refundIds = new HashSet<>();
            for (Future<Response> answer : answers) {
                Response r = answer.get(2, TimeUnit.MINUTES);
                if (r.status() == 200) {
                    assertThat(r.json().get("status").asString()).isEqualTo("REFUNDED");
                    assertThat(r.json().get("amount_cents").asLong()).isEqualTo(4_000);
                    refundIds.add(r.json().get("refund_id").asString());
                } else {
                    // the same key while the first is still running, or the per-user rate limit of the edge
                    assertThat(r.status()).as("%s", r).isIn(409, 429, 503);
                    if (r.status() == 409) {
                        assertThat(r.json().get("code").asString()).isEqualTo("IDEMPOTENCY_KEY_IN_USE");
                    }
                }
            }
            Response replay = Buyer.retrying(() -> fan.refund(bookingId, key));
            assertThat(replay.status()).as("%s", replay).isEqualTo(200);
            refundIds.add(replay.json().get("refund_id").asString());
            assertThat(refundIds).as("one refund, whatever the number of requests").hasSize(1);
        } finally {
            pool.shutdownNow();
        }
        // the burst has spent the fan's per-user bucket at the edge: from here on, wait out its 429s as an app does
        String anotherKey = UUID.randomUUID().toString();
        Response another = Buyer.retrying(() -> fan.refund(bookingId, anotherKey));
        assertThat(another.status()).as("a second key refunds nothing more: %s", another).isEqualTo(200);
        assertThat(another.json().get("refund_id").asString()).isEqualTo(Buyer.retrying(() -> fan.refund(bookingId, key))
                .json().get("refund_id").asString());
        assertThat(Buyer.retrying(() -> fan.booking(bookingId)).json().get("status").asString()).isEqualTo("REFUNDED");
        assertThat(RefundLedger.providerRefunds(platform, bookingId)).isEqualTo(1);

        // the seats are for sale again
        Buyer next = new Buyer(platform, "refund-next-" + sale.eventId(), sale.eventId());
        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(500))
                .until(() -> "RESERVED".equals(next.reserve(seats).get("status").asString()));
        Response tickets = Buyer.retrying(() -> fan.tickets(bookingId));
        assertThat(tickets.json().get("tickets").findValuesAsString("status")).containsOnly("REFUNDED");
        String code = tickets.json().get("tickets").get(0).get("code").asString();
        Response scan = platform.post("/api/v1/admin/events/" + sale.eventId() + "/check-ins", platform.adminToken(),
                Map.of("code", code));
        assertThat(scan.status()).isEqualTo(409);
        assertThat(scan.json().get("code").asString()).isEqualTo("TICKET_REFUNDED");
    }

    @Test
    void refundsAreRefusedForAnotherFansBookingAHoldAndAfterTheDeadline() {
        SaleFixture sale = SaleFixture.onSaleNow(platform, 1, 1, 4);
        Buyer fan = new Buyer(platform, "refund-rules-" + sale.eventId(), sale.eventId());
        Buyer stranger = new Buyer(platform, "refund-stranger-" + sale.eventId(), sale.eventId());
        String paid = fan.buy(sale.ticketIds().subList(0, 1));
        String held = fan.reserve(sale.ticketIds().subList(1, 2)).get("booking_id").asString();

        assertThat(stranger.refund(paid, "k-" + UUID.randomUUID()).status()).isEqualTo(404);
        Response hold = fan.refund(held, "k-" + UUID.randomUUID());
        assertThat(hold.status()).isEqualTo(409);
        assertThat(hold.json().get("code").asString()).isEqualTo("BOOKING_NOT_CONFIRMED");
        assertThat(platform.post("/api/v1/bookings/" + paid + "/refund", fan.jwt(), null).status())
                .as("an Idempotency-Key is required").isEqualTo(400);

        // the deadline passes: refunds close
        assertThat(platform.patch("/api/v1/admin/events/" + sale.eventId(), platform.adminToken(),
                Map.of("refund_deadline", Instant.now().minusSeconds(60).toString())).status()).isEqualTo(200);
        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            Response late = fan.refund(paid, "k-" + UUID.randomUUID());
            assertThat(late.status()).as("%s", late).isEqualTo(409);
            assertThat(late.json().get("code").asString()).isEqualTo("REFUND_WINDOW_CLOSED");
        });
        assertThat(fan.booking(paid).json().get("status").asString()).isEqualTo("CONFIRMED");
    }

    @Test
    void aKillOfPaymentServiceWhileRefundsRunRefundsEachBookingExactlyOnce() throws Exception {
        int bookings = 60;
        SaleFixture sale = SaleFixture.onSaleNow(platform, 1, 6, 10);
        Map<String, Buyer> buyers = new HashMap<>();
        List<String> ids = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> purchases = new ArrayList<>();
            for (int i = 0; i < bookings; i++) {
                Buyer buyer = new Buyer(platform, "refund-crash-" + i + "-" + sale.eventId(), sale.eventId());
                long seat = sale.ticketIds().get(i);
                purchases.add(pool.submit(() -> {
                    String id = buyer.buy(List.of(seat));
                    synchronized (buyers) {
                        buyers.put(id, buyer);
                    }
                    return id;
                }));
            }
            for (Future<String> purchase : purchases) {
                ids.add(purchase.get(5, TimeUnit.MINUTES));
            }

            Map<String, String> keys = new HashMap<>();
            ids.forEach(id -> keys.put(id, UUID.randomUUID().toString()));
            List<Future<Response>> first = new ArrayList<>();
            for (String id : ids) {
                first.add(pool.submit(() -> buyers.get(id).refund(id, keys.get(id))));
            }
            Buyer.pause(300);
            assertThat(platform.launcher("kill", "payment-service")).isZero();
            for (Future<Response> f : first) {
                f.get(2, TimeUnit.MINUTES); // whatever they got: 200, 409 in use, 502/503, or no answer
            }
            assertThat(platform.launcher("start", "payment-service")).isZero();

            // each fan retries with its own key until answered
            for (String id : ids) {
                Awaitility.await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
                    Response r = Buyer.retrying(() -> buyers.get(id).refund(id, keys.get(id)));
                    assertThat(r.status()).as("%s", r).isEqualTo(200);
                });
            }
        } finally {
            pool.shutdownNow();
        }
        for (String id : ids) {
            assertThat(buyers.get(id).booking(id).json().get("status").asString()).isEqualTo("REFUNDED");
            assertThat(RefundLedger.providerRefunds(platform, id)).as("provider refunds of %s", id).isEqualTo(1);
        }
    }
}
