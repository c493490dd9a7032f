package io.surge.ticketing.booking.waitlist;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.surge.ticketing.booking.AfterTheSaleIntegrationTest;

/**
 * The waiting list against the real PostgreSQL: seats released by many fans at once while several allocators (as on
 * several replicas) race to offer them. Every returned seat goes to exactly one fan, the earliest fans on the list
 * get them, no seat is in two live bookings, and nothing is left RETURNED.
 */
class WaitlistAllocatorIntegrationTests extends AfterTheSaleIntegrationTest {

    @Autowired
    WaitlistAllocator allocator;
    @Autowired
    WaitlistRepository waitlist;

    @Test
    void seatsReleasedInParallelWhileFourAllocatorsRaceGoOnceEachToTheEarliestFans() throws Exception {
        long eventId = eventOnSale(); // 22 seats: Floor 10, Balcony 12
        List<UUID> holds = new ArrayList<>();
        for (int i = 0; i < 22; i++) {
            holds.add(hold(eventId, "holder-" + i, i < 10 ? 1 : 2, 1));
        }
        assertThat(holds).allSatisfy(id -> assertThat(status(id)).isEqualTo("RESERVED"));
        for (int i = 0; i < 30; i++) {
            assertThat(waitlist.insert(eventId, "waiting-" + i, null, 1)).isPresent();
        }

        ExecutorService pool = Executors.newFixedThreadPool(12);
        AtomicBoolean releasing = new AtomicBoolean(true);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<?>> allocators = new ArrayList<>();
            for (int a = 0; a < 4; a++) {
                allocators.add(pool.submit(() -> {
                    start.await();
                    while (releasing.get()) {
                        allocator.allocate(eventId);
                    }
                    return null;
                }));
            }
            List<Future<Integer>> releases = new ArrayList<>();
            for (int i = 0; i < holds.size(); i++) {
                int index = i;
                releases.add(pool.submit(() -> {
                    start.await();
                    return cancel(holds.get(index), "holder-" + index, eventId);
                }));
            }
            start.countDown();
            for (Future<Integer> release : releases) {
                assertThat(release.get()).isEqualTo(200);
            }
            Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> returned(eventId) == 0);
            releasing.set(false);
            for (Future<?> running : allocators) {
                running.get();
            }
        } finally {
            pool.shutdownNow();
        }

        List<String> offered = jdbc.sql("SELECT user_id FROM waitlist_entries WHERE event_id = ? AND status = 'OFFERED' "
                + "ORDER BY entry_id").param(eventId).query(String.class).list();
        assertThat(offered).hasSize(22);
        // 22 seats for 30 fans waiting for any seat: the first 22 got them
        assertThat(offered).containsExactlyElementsOf(
                java.util.stream.IntStream.range(0, 22).mapToObj(i -> "waiting-" + i).toList());
        assertThat(jdbc.sql("""
                        SELECT count(*) FROM (SELECT t FROM bookings b, unnest(b.ticket_ids) t
                        WHERE b.event_id = ? AND b.status IN ('RESERVED', 'CONFIRMED') GROUP BY t HAVING count(*) > 1) d""")
                .param(eventId).query(Long.class).single()).as("seats in two live bookings").isZero();
        assertThat(jdbc.sql("""
                        SELECT count(*) FROM waitlist_entries w JOIN bookings b ON b.booking_id = w.booking_id
                        JOIN tickets t ON t.event_id = b.event_id AND t.booking_id = b.booking_id AND t.status = 'HELD'
                        WHERE w.event_id = ? AND b.status = 'RESERVED' AND b.user_id = w.user_id""")
                .param(eventId).query(Long.class).single()).as("offers holding their seat for their fan").isEqualTo(22);
    }

    @Test
    void withNobodyWaitingAReleasedSeatIsOnSaleAtOnce_andSoIsASeatOfASectionNobodyWaitsFor() throws Exception {
        long eventId = eventOnSale();
        UUID floor = hold(eventId, "floor-holder", 1, 1);
        UUID balcony = hold(eventId, "balcony-holder", 2, 1);
        assertThat(cancel(floor, "floor-holder", eventId)).isEqualTo(200);
        assertThat(jdbc.sql("SELECT count(*) FROM tickets WHERE event_id = ? AND status = 'RETURNED'").param(eventId)
                .query(Long.class).single()).as("nobody waits: straight back on sale").isZero();

        waitlist.insert(eventId, "floor-fan", 1L, 1);
        assertThat(cancel(balcony, "balcony-holder", eventId)).isEqualTo(200);
        // a balcony seat is nothing the floor fan waits for: on sale again, not kept for the list
        allocator.allocate(eventId);
        assertThat(returned(eventId)).isZero();
        assertThat(waitlist.find(eventId, "floor-fan").orElseThrow().offered()).isFalse();
        assertThat(jdbc.sql("SELECT count(*) FROM tickets WHERE event_id = ? AND status = 'AVAILABLE'").param(eventId)
                .query(Long.class).single()).isEqualTo(22);
    }

    @Test
    void seatsLeftOverOnceEveryWaitingFanHasItsOfferGoBackOnSale() throws Exception {
        long eventId = eventOnSale();
        UUID first = hold(eventId, "first-holder", 1, 1);
        UUID second = hold(eventId, "second-holder", 1, 1);
        waitlist.insert(eventId, "one-fan", 1L, 1);
        assertThat(cancel(first, "first-holder", eventId)).isEqualTo(200);
        assertThat(cancel(second, "second-holder", eventId)).isEqualTo(200);
        // both came back while a fan waited for the floor (unless an allocator round ran in between)
        allocator.allocate(eventId);

        assertThat(waitlist.find(eventId, "one-fan").orElseThrow().offered()).isTrue();
        assertThat(returned(eventId)).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM tickets WHERE event_id = ? AND status = 'AVAILABLE'").param(eventId)
                .query(Long.class).single()).as("the seat the fan did not need is on sale").isEqualTo(21);
    }

    private long returned(long eventId) {
        return jdbc.sql("SELECT count(*) FROM tickets WHERE event_id = ? AND status = 'RETURNED'").param(eventId)
                .query(Long.class).single();
    }

    private int cancel(UUID bookingId, String userId, long eventId) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri("/api/v1/bookings/" + bookingId)).DELETE();
        admitted(userId, eventId).forEach(request::header);
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString()).statusCode();
    }
}
