package io.surge.ticketing.booking.decide;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import io.surge.ticketing.booking.bookings.BookingStatus;
import io.surge.ticketing.contracts.ErrorCode;
import io.surge.ticketing.contracts.messages.EventInventoryDefined;
import io.surge.ticketing.contracts.messages.ReserveCommand;
import io.surge.ticketing.contracts.messages.TicketIds;

/**
 * The decider against the real PostgreSQL: many transactions racing for the same seats (more concurrency than
 * production gives one event, whose commands share a Kafka partition) never hold a seat twice, thanks to
 * FOR UPDATE SKIP LOCKED, and a redelivered command is decided once.
 */
@SpringBootTest
@ActiveProfiles("test")
class ReservationDeciderIntegrationTests {

    private static final int SEATS = 200;

    @Autowired
    ReservationDecider decider;
    @Autowired
    io.surge.ticketing.booking.inventory.EventInventoryRepository events;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    org.springframework.context.ApplicationContext context;

    long eventId;

    @BeforeEach
    void createEvent() throws Exception {
        eventId = 900_000_000L + ThreadLocalRandom.current().nextLong(99_000_000L);
        var loader = context.getBean(io.surge.ticketing.booking.inventory.InventoryLoader.class);
        loader.load(new EventInventoryDefined(eventId, Instant.now().minusSeconds(60), List.of(
                new EventInventoryDefined.Section(1, "A", 0, 10, 10, 5_000),
                new EventInventoryDefined.Section(2, "B", 100, 10, 10, 3_000))));
    }

    @Test
    void racingTransactionsNeverHoldASeatTwice() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(12);
        ConcurrentLinkedQueue<Decision> decisions = new ConcurrentLinkedQueue<>();
        List<Future<?>> futures = new ArrayList<>();
        for (int batch = 0; batch < 60; batch++) {
            futures.add(pool.submit(() -> {
                List<ReserveCommand> commands = new ArrayList<>();
                ThreadLocalRandom random = ThreadLocalRandom.current();
                for (int i = 0; i < 10; i++) {
                    String user = "u-" + random.nextInt(400);
                    if (random.nextBoolean()) {
                        Set<Long> seats = new HashSet<>();
                        while (seats.size() < 1 + random.nextInt(3)) {
                            seats.add(TicketIds.of(eventId, random.nextInt(60)));
                        }
                        commands.add(new ReserveCommand(UUID.randomUUID(), eventId, user, List.copyOf(seats), null, null,
                                Instant.now()));
                    } else {
                        commands.add(new ReserveCommand(UUID.randomUUID(), eventId, user, null, 1L + random.nextInt(2),
                                1 + random.nextInt(3), Instant.now()));
                    }
                }
                decisions.addAll(decider.decide(commands));
                return null;
            }));
        }
        for (Future<?> future : futures) {
            future.get(2, TimeUnit.MINUTES);
        }
        pool.shutdown();

        List<Long> granted = new ArrayList<>();
        decisions.stream().filter(d -> d.status() == BookingStatus.RESERVED).forEach(d -> granted.addAll(d.ticketIds()));
        assertThat(decisions).hasSize(600);
        assertThat(granted).as("seats granted").doesNotHaveDuplicates().isNotEmpty();
        assertThat(decisions).filteredOn(d -> d.status() == BookingStatus.REJECTED)
                .extracting(Decision::reason)
                .isNotEmpty()
                .isSubsetOf(ErrorCode.SEATS_UNAVAILABLE.name(), ErrorCode.TICKET_LIMIT_EXCEEDED.name());
        List<Long> held = jdbc.sql("SELECT ticket_id FROM tickets WHERE event_id = ? AND status = 'HELD'")
                .param(eventId).query(Long.class).list();
        assertThat(held).containsExactlyInAnyOrderElementsOf(granted);
        assertThat(jdbc.sql("SELECT count(*) FROM tickets WHERE event_id = ?").param(eventId).query(Long.class).single())
                .isEqualTo(SEATS);
    }

    /**
     * Deciders of different partitions may decide the same fan at once (a rebalance, a redelivery): the per-fan
     * limit is a read-then-write, and the fans' advisory locks must keep it. Eight deciders race batches of the
     * same four fans, each batch reading counts that the others are about to change.
     */
    @Test
    void parallelDecidersNeverLetAFanPastTheLimit() throws Exception {
        jdbc.sql("INSERT INTO sale_settings (event_id, hold_seconds, max_tickets_per_user) VALUES (?, 600, 3)")
                .param(eventId).update();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(8);
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            futures.add(pool.submit(() -> {
                ThreadLocalRandom random = ThreadLocalRandom.current();
                for (int round = 0; round < 6; round++) {
                    List<ReserveCommand> commands = new ArrayList<>();
                    for (int i = 0; i < 4; i++) {
                        commands.add(new ReserveCommand(UUID.randomUUID(), eventId, "u-fan-" + i, null,
                                1L + random.nextInt(2), 1 + random.nextInt(2), Instant.now()));
                    }
                    if (round == 0) {
                        start.await();
                    }
                    decider.decide(commands);
                }
                return null;
            }));
        }
        for (Future<?> future : futures) {
            future.get(2, TimeUnit.MINUTES);
        }
        pool.shutdown();

        var live = jdbc.sql("""
                SELECT user_id, sum(cardinality(ticket_ids)) FROM bookings
                WHERE event_id = ? AND status = 'RESERVED' GROUP BY user_id""")
                .param(eventId).query((rs, n) -> java.util.Map.entry(rs.getString(1), rs.getLong(2))).list();
        assertThat(live).hasSize(4).allSatisfy(fan -> assertThat(fan.getValue()).as(fan.getKey()).isBetween(2L, 3L));
    }

    @Test
    void aRedeliveredCommandIsDecidedOnce() {
        ReserveCommand command = new ReserveCommand(UUID.randomUUID(), eventId, "u-redelivered", null, 1L, 2,
                Instant.now());
        Decision first = decider.decide(List.of(command)).get(0);
        Decision again = decider.decide(List.of(command, command)).get(0);

        assertThat(first.status()).isEqualTo(BookingStatus.RESERVED);
        assertThat(again.ticketIds()).isEqualTo(first.ticketIds());
        assertThat(jdbc.sql("SELECT count(*) FROM tickets WHERE event_id = ? AND status = 'HELD'")
                .param(eventId).query(Long.class).single()).isEqualTo(2L);
    }

    @Test
    void aFanCannotHoldMoreThanTheLimitOfTheEvent() {
        List<ReserveCommand> commands = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            commands.add(new ReserveCommand(UUID.randomUUID(), eventId, "u-greedy", null, 2L, 3, Instant.now()));
        }
        List<Decision> decisions = decider.decide(commands);

        assertThat(decisions).extracting(Decision::status)
                .containsExactly(BookingStatus.RESERVED, BookingStatus.RESERVED, BookingStatus.REJECTED, BookingStatus.REJECTED);
        assertThat(decisions.get(2).reason()).isEqualTo(ErrorCode.TICKET_LIMIT_EXCEEDED.name());
    }
}
