package io.surge.ticketing.system.aftersale;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

import io.surge.ticketing.invariants.InvariantChecker;
import io.surge.ticketing.invariants.InvariantReport;
import io.surge.ticketing.invariants.LocalStack;
import io.surge.ticketing.system.Platform;
import io.surge.ticketing.system.Platform.Response;

/**
 * A waiting list at scale: 1,000 fans wait on a sold-out event of 350 seats; 300 holds expire and 50 sold seats are
 * refunded. Every returned seat is offered to the earliest fans, one offer at a time per seat; half the offers are
 * paid and the other half expire and move on to the next fans in line; no seat is ever sold twice and the platform's
 * invariants hold.
 */
class WaitlistAtScaleSystemTests {

    private static final Platform platform = Platform.get();
    private static final int HOLDS = 300;
    private static final int SOLD = 50;
    private static final int FANS = 1_000;
    private static final int HOLD_SECONDS = 45;

    @Test
    void aThousandFansWaitWhileThreeHundredHoldsExpireAndFiftyRefund_offersGoInOrderAndNoSeatIsSoldTwice()
            throws Exception {
        long eventId = EventLifecycleSystemTests.eventOnSale("Waitlist scale", 10, 35, Instant.now().plus(Duration.ofDays(20)));
        assertThat(platform.put("/api/v1/admin/events/" + eventId + "/waiting-room", platform.adminToken(),
                Map.of("hold_seconds", HOLD_SECONDS, "max_tickets_per_user", 2)).status()).isEqualTo(200);
        Buyer.pause(1_000); // the hold length reaches booking through Kafka
        List<Long> tickets = EventLifecycleSystemTests.ticketIds(eventId);
        assertThat(tickets).hasSize(HOLDS + SOLD);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<String> paid = parallel(pool, SOLD, i -> new Buyer(platform, "wls-owner-" + i + "-" + eventId, eventId)
                    .buy(List.of(tickets.get(i))));
            parallel(pool, HOLDS, i -> new Buyer(platform, "wls-holder-" + i + "-" + eventId, eventId)
                    .reserve(List.of(tickets.get(SOLD + i))).get("status").asString());

            // sold out: a thousand fans join the list, in a known order (one after the other per thread, the
            // database's entry ids say who came first)
            List<String> joined = parallel(pool, FANS, i -> {
                Response r = Buyer.retrying(() -> platform.post("/api/v1/events/" + eventId + "/waitlist",
                        platform.token("wls-fan-" + i + "-" + eventId), Map.of("quantity", 1)));
                assertThat(r.status()).as("%s", r).isEqualTo(201);
                return r.json().get("status").asString();
            });
            assertThat(joined).containsOnly("WAITING");

            // 50 refunds while the holds run out: 350 seats come back and go to the first 350 fans
            parallel(pool, SOLD, i -> {
                Response r = new Buyer(platform, "wls-owner-" + i + "-" + eventId, eventId)
                        .refund(paid.get(i), UUID.randomUUID().toString());
                assertThat(r.status()).as("%s", r).isIn(200, 202);
                return "";
            });
            awaitOffered(eventId, HOLDS + SOLD);
            assertOfferedInOrder(eventId, HOLDS + SOLD);

            // half the offers are paid; the other half expire and go to the next 175 fans
            List<Offer> offers = offers(eventId);
            List<Offer> paying = new ArrayList<>();
            for (int i = 0; i < offers.size(); i += 2) {
                paying.add(offers.get(i));
            }
            parallel(pool, paying.size(), i -> {
                Offer offer = paying.get(i);
                String jwt = platform.token(offer.userId());
                JsonNode me = platform.get("/api/v1/events/" + eventId + "/waitlist/me", jwt).json();
                Response pay = Buyer.retrying(() -> platform.post("/api/v1/bookings/" + offer.bookingId() + "/payment",
                        jwt, Map.of("payment_token", "tok_visa"), "Idempotency-Key", UUID.randomUUID().toString(),
                        "X-Admission-Token", me.at("/offer/admission_token").asString()));
                assertThat(pay.status()).as("%s", pay).isEqualTo(200);
                return "";
            });
            int expiring = offers.size() - paying.size();
            awaitOffered(eventId, HOLDS + SOLD + expiring);
            assertOfferedInOrder(eventId, HOLDS + SOLD + expiring);
        } finally {
            pool.shutdownNow();
        }

        JsonNode report = platform.get("/api/v1/admin/events/" + eventId + "/sales", platform.adminToken()).json();
        assertThat(report.at("/waitlist/fulfilled").asInt()).as("%s", report).isEqualTo((HOLDS + SOLD + 1) / 2);
        assertThat(report.at("/waitlist/expired").asInt()).as("%s", report).isEqualTo((HOLDS + SOLD) / 2);
        assertThat(report.at("/waitlist/waiting").asInt()).as("%s", report)
                .isEqualTo(FANS - HOLDS - SOLD - (HOLDS + SOLD) / 2);
        InvariantReport invariants = InvariantChecker.withDefaults(LocalStack.load()).check(List.of(eventId));
        assertThat(invariants.violations()).as(invariants.describe()).isEmpty();
    }

    private record Offer(String userId, String bookingId) {
    }

    /** The entries offered so far, in the order the fans joined. */
    private static List<Offer> offers(long eventId) throws Exception {
        List<Offer> offers = new ArrayList<>();
        try (Connection db = platform.db("booking");
             PreparedStatement q = db.prepareStatement("SELECT user_id, booking_id FROM waitlist_entries "
                     + "WHERE event_id = ? AND status = 'OFFERED' ORDER BY entry_id")) {
            q.setLong(1, eventId);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    offers.add(new Offer(rs.getString(1), rs.getString(2)));
                }
            }
        }
        return offers;
    }

    private static void awaitOffered(long eventId, int count) {
        Awaitility.await().atMost(Duration.ofSeconds(HOLD_SECONDS + 90)).pollInterval(Duration.ofSeconds(1))
                .until(() -> offers(eventId).size() >= count);
    }

    /**
     * The offered entries are exactly the first {@code count} fans to join, each offer a booking of its own seat, and
     * no seat in two offers that were open at the same time (an expired offer's seat went on to the next fan only).
     */
    private static void assertOfferedInOrder(long eventId, int count) throws Exception {
        try (Connection db = platform.db("booking")) {
            try (PreparedStatement q = db.prepareStatement("""
                    SELECT count(*) FILTER (WHERE status = 'OFFERED'),
                           coalesce(max(rank) FILTER (WHERE status = 'OFFERED'), 0)
                    FROM (SELECT status, row_number() OVER (ORDER BY entry_id) AS rank
                          FROM waitlist_entries WHERE event_id = ?) ranked""")) {
                q.setLong(1, eventId);
                try (ResultSet rs = q.executeQuery()) {
                    rs.next();
                    assertThat(rs.getLong(1)).as("offers made").isEqualTo(count);
                    assertThat(rs.getLong(2)).as("the last fan offered seats is the %d-th to have joined", count)
                            .isEqualTo(count);
                }
            }
            try (PreparedStatement q = db.prepareStatement("""
                    SELECT t, count(*) FROM waitlist_entries w JOIN bookings b ON b.booking_id = w.booking_id,
                           unnest(b.ticket_ids) t
                    WHERE w.event_id = ? AND b.status IN ('RESERVED', 'CONFIRMED') GROUP BY t HAVING count(*) > 1""")) {
                q.setLong(1, eventId);
                try (ResultSet rs = q.executeQuery()) {
                    assertThat(rs.next()).as("a seat in two live offers").isFalse();
                }
            }
        }
    }

    private static <T> List<T> parallel(ExecutorService pool, int count, IntFunction<T> task) throws Exception {
        List<Future<T>> futures = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int index = i;
            futures.add(pool.submit(() -> task.apply(index)));
        }
        List<T> results = new ArrayList<>(count);
        for (Future<T> future : futures) {
            results.add(future.get());
        }
        return results;
    }
}
