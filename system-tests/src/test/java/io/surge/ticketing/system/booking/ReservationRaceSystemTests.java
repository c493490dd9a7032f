package io.surge.ticketing.system.booking;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

import io.surge.ticketing.system.Platform;

/**
 * The booking core's central promise, checked end to end through the gateway: many fans racing for
 * overlapping seats, chosen and best-available, never get the same seat, nothing is left undecided, and the
 * Redis mirror equals Postgres. The crash variant kills the booking service (kill -9) in the middle of it.
 */
class ReservationRaceSystemTests {

    private static final int ATTEMPTS = 2_000;
    private static final int THREADS = 48;

    private final Platform platform = Platform.get();
    private final BookingInvariants invariants = new BookingInvariants(platform);

    @Test
    void twoThousandOverlappingAttemptsNeverShareASeat() throws Exception {
        SaleFixture sale = SaleFixture.onSaleNow(platform, 2, 10, 25);
        Race race = race(sale, ATTEMPTS, null);

        assertThat(race.failures).as("unexpected answers").isEmpty();
        assertThat(race.reservedSeats()).as("seats in successful answers").doesNotHaveDuplicates();
        assertThat(race.conflicts.get()).as("attempts that lost a seat to another fan").isPositive();
        invariants.assertConsistent(sale.eventId(), sale.seatCount());
        invariants.assertAllDecided(sale.eventId(), race.bookingIds);
        assertThat(heldSeats(sale)).as("held seats are exactly those the API granted")
                .containsExactlyInAnyOrderElementsOf(race.reservedSeats());
    }

    @Test
    void aBookingServiceKilledMidRaceLosesNothingAndDoublesNothing() throws Exception {
        SaleFixture sale = SaleFixture.onSaleNow(platform, 2, 10, 25);
        Race race = race(sale, 1_000, () -> {
            assertThat(platform.launcher("kill", "booking-service")).isZero();
            assertThat(platform.launcher("start", "booking-service")).isZero();
        });

        assertThat(race.failures).as("unexpected answers").isEmpty();
        assertThat(race.reservedSeats()).doesNotHaveDuplicates();
        invariants.assertConsistent(sale.eventId(), sale.seatCount());
        invariants.assertAllDecided(sale.eventId(), race.bookingIds);
        assertThat(heldSeats(sale)).containsExactlyInAnyOrderElementsOf(race.reservedSeats());
    }

    /** Runs {@code attempts} reservations from 48 threads; {@code fault} runs once a third of them are done. */
    private Race race(SaleFixture sale, int attempts, Runnable fault) throws Exception {
        int fans = attempts / 2;
        List<Fan> crowd = new ArrayList<>(fans);
        for (int i = 0; i < fans; i++) {
            crowd.add(new Fan(platform, "racer-" + sale.eventId() + "-" + i, sale.eventId()));
        }
        // A hot block of 120 seats that chosen-seat fans fight over; best-available fans take any section.
        List<Long> hot = sale.ticketIds().subList(0, 120);
        Race race = new Race();
        AtomicInteger done = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < attempts; i++) {
                Fan fan = crowd.get(i % fans);
                futures.add(pool.submit(() -> {
                    ThreadLocalRandom random = ThreadLocalRandom.current();
                    Map<String, Object> body;
                    if (random.nextBoolean()) {
                        Set<Long> seats = new HashSet<>();
                        int wanted = 1 + random.nextInt(3);
                        while (seats.size() < wanted) {
                            seats.add(hot.get(random.nextInt(hot.size())));
                        }
                        body = Map.of("event_id", sale.eventId(), "ticket_ids", List.copyOf(seats));
                    } else {
                        body = Map.of("event_id", sale.eventId(),
                                "section_id", sale.sectionIds().get(random.nextInt(sale.sectionIds().size())),
                                "quantity", 1 + random.nextInt(3));
                    }
                    race.record(fan.reserve(body, Duration.ofMinutes(3)));
                    done.incrementAndGet();
                }));
            }
            if (fault != null) {
                org.awaitility.Awaitility.await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(50))
                        .until(() -> done.get() >= attempts / 3);
                fault.run();
            }
            long started = System.nanoTime();
            for (Future<?> future : futures) {
                future.get(6, TimeUnit.MINUTES);
            }
            System.out.printf("race of %d attempts on event %d: %.1f s, reserve answers by status %s%n", attempts,
                    sale.eventId(), (System.nanoTime() - started) / 1e9, Fan.STATUSES);
            Fan.STATUSES.clear();
        } finally {
            pool.shutdownNow();
        }
        return race;
    }

    private List<Long> heldSeats(SaleFixture sale) throws Exception {
        List<Long> held = new ArrayList<>();
        try (var db = platform.db("booking");
             var statement = db.prepareStatement("SELECT ticket_id FROM tickets WHERE event_id = ? AND status = 'HELD'")) {
            statement.setLong(1, sale.eventId());
            try (var rs = statement.executeQuery()) {
                while (rs.next()) {
                    held.add(rs.getLong(1));
                }
            }
        }
        return held;
    }

    /** What the fans were told. */
    private static final class Race {
        final ConcurrentLinkedQueue<JsonNode> reserved = new ConcurrentLinkedQueue<>();
        final ConcurrentLinkedQueue<String> bookingIds = new ConcurrentLinkedQueue<>();
        final ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        final AtomicInteger conflicts = new AtomicInteger();

        void record(Fan.Outcome outcome) {
            if (outcome.bookingId() != null) {
                bookingIds.add(outcome.bookingId());
            }
            if (outcome.reserved()) {
                reserved.add(outcome.decision());
                return;
            }
            String code = outcome.decision().path("code").asString(outcome.decision().path("reason").asString());
            if (code.equals("SEATS_UNAVAILABLE")) {
                conflicts.incrementAndGet();
            } else if (!code.equals("TICKET_LIMIT_EXCEEDED")) {
                failures.add(outcome.status() + " " + outcome.decision());
            }
        }

        List<Long> reservedSeats() {
            List<Long> seats = new ArrayList<>();
            reserved.forEach(booking -> booking.get("ticket_ids").forEach(id -> seats.add(id.asLong())));
            return seats;
        }
    }
}
