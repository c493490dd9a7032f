package io.surge.ticketing.cleanup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.surge.ticketing.cleanup.bitfield.Bitfields;
import io.surge.ticketing.contracts.redis.AvailabilityBitfield;
import io.surge.ticketing.testsupport.TestInfrastructure;

/**
 * The worker against the real PostgreSQL and Redis: booking-store's migrations in a schema of our own in the
 * {@code booking} database, and Redis keys under a prefix of our own, so the running worker and this one never
 * see each other's holds.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CleanupIntegrationTests {

    private static final String RUN = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    private static final String SCHEMA = "cleanup_it_" + RUN;
    private static final String PREFIX = "cleanup-it-" + RUN + ":";
    private static final int SEATS = 20;

    @DynamicPropertySource
    static void isolate(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> TestInfrastructure.postgres().jdbcUrl("booking", SCHEMA));
        registry.add("spring.flyway.enabled", () -> "true");
        registry.add("spring.flyway.schemas", () -> SCHEMA);
        // booking's migrations, from booking-store's jar on the classpath (as booking-service applies them)
        registry.add("spring.flyway.locations", () -> "classpath:db/migration");
        registry.add("ticketing.cleanup.redis-key-prefix", () -> PREFIX);
        registry.add("ticketing.cleanup.bitfield-interval", () -> "1h");
    }

    @Autowired
    JdbcClient jdbc;
    @Autowired
    StringRedisTemplate redis;
    @Autowired
    RedisKeys keys;
    @Autowired
    Bitfields bitfields;
    @Autowired
    org.springframework.context.ApplicationContext context;
    private io.surge.ticketing.cleanup.bitfield.BitfieldReconcilerAccess reconciler;

    private long eventId;
    private int nextSeat;

    @BeforeEach
    void newEvent() {
        reconciler = new io.surge.ticketing.cleanup.bitfield.BitfieldReconcilerAccess(context);
        eventId = ThreadLocalRandom.current().nextLong(500_000_000_000L, 900_000_000_000L);
        nextSeat = 0;
        jdbc.sql("INSERT INTO event_inventory (event_id, seat_count) VALUES (?, ?)").params(eventId, SEATS).update();
        jdbc.sql("INSERT INTO event_sections (event_id, section_id, name, price_cents) VALUES (?, 1, 'A', 1000)")
                .params(eventId).update();
        jdbc.sql("""
                INSERT INTO tickets (event_id, ticket_id, seat_index, section_id, price_cents)
                SELECT ?, ? * 1000000 + i, i, 1, 1000 FROM generate_series(0, ? - 1) i""")
                .params(eventId, eventId, SEATS).update();
        // The bitfield as booking-service would have it: all free.
        redis.opsForValue().set(keys.bitfield(eventId), new String(AvailabilityBitfield.of(SEATS, List.of()),
                java.nio.charset.StandardCharsets.ISO_8859_1));
    }

    @AfterAll
    void dropEverything() {
        jdbc.sql("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE").update();
        Set<String> ours = redis.keys(PREFIX + "*");
        if (ours != null && !ours.isEmpty()) {
            redis.delete(ours);
        }
    }

    @Test
    void releasesAHoldWithinASecondOfItsExpiryAndFreesItsSeatsEverywhere() {
        UUID booking = hold("RESERVED", Instant.now().plusMillis(1_500), true);

        await().atMost(Duration.ofSeconds(5)).until(() -> "EXPIRED".equals(status(booking)));

        long latenessMillis = jdbc.sql("SELECT (extract(epoch FROM updated_at - expires_at) * 1000)::bigint FROM bookings "
                + "WHERE booking_id = ?").param(booking).query(Long.class).single();
        assertThat(latenessMillis).isBetween(0L, 1_000L);
        assertThat(ticketStatuses(booking)).isEmpty();
        await().atMost(Duration.ofSeconds(1)).until(() -> seatsTakenInBitfield().isEmpty());
        String payload = jdbc.sql("SELECT payload::text FROM outbox WHERE payload ->> 'booking_id' = ?")
                .param(booking.toString()).query(String.class).single();
        assertThat(payload).contains("\"type\": \"BOOKING_EXPIRED\"", "\"status\": \"EXPIRED\"", "\"event_id\": " + eventId);
        assertThat(redis.opsForZSet().score(keys.holds(), booking.toString())).isNull();
    }

    @Test
    void leavesAHoldWhosePaymentIsInFlightAndReleasesItOnceThePaymentIsGone() {
        UUID booking = hold("RESERVED", Instant.now().plusMillis(300), true);
        redis.opsForValue().set(keys.inflight(booking), "attempt-1", Duration.ofSeconds(30));

        await().pollDelay(Duration.ofMillis(1_500)).atMost(Duration.ofSeconds(3))
                .until(() -> redis.opsForZSet().score(keys.holds(), booking.toString()) != null);
        assertThat(status(booking)).isEqualTo("RESERVED");
        redis.delete(keys.inflight(booking));

        await().atMost(Duration.ofSeconds(8)).until(() -> "EXPIRED".equals(status(booking)));
        await().atMost(Duration.ofSeconds(1)).until(() -> seatsTakenInBitfield().isEmpty());
    }

    @Test
    void neverTouchesABookingThatWasConfirmedMeanwhile() {
        UUID booking = hold("CONFIRMED", Instant.now().minusMillis(100), true);

        await().atMost(Duration.ofSeconds(3))
                .until(() -> redis.opsForZSet().score(keys.holds(), booking.toString()) == null);

        assertThat(status(booking)).isEqualTo("CONFIRMED");
        assertThat(ticketStatuses(booking)).containsOnly("SOLD");
        assertThat(seatsTakenInBitfield()).hasSize(2);
    }

    @Test
    void theSweepReleasesExpiredHoldsTheDelayQueueLost() {
        UUID booking = hold("RESERVED", Instant.now().minusSeconds(5), false);

        await().atMost(Duration.ofSeconds(5)).until(() -> "EXPIRED".equals(status(booking)));

        assertThat(ticketStatuses(booking)).isEmpty();
        await().atMost(Duration.ofSeconds(1)).until(() -> seatsTakenInBitfield().isEmpty());
    }

    @Test
    void severalWorkersClaimingTheQueueAtOnceNeverClaimTheSameHold() throws Exception {
        String queue = PREFIX + "race:" + UUID.randomUUID();
        RedisKeys raceKeys = new RedisKeys(PREFIX + "race:") {
            @Override
            public String holds() {
                return queue;
            }
        };
        var holdQueue = new io.surge.ticketing.cleanup.expiry.HoldQueueAccess(redis, raceKeys);
        for (int i = 0; i < 400; i++) {
            redis.opsForZSet().add(queue, UUID.randomUUID().toString(), 1_000 + i);
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<UUID>>> claims = new ArrayList<>();
            for (int w = 0; w < 4; w++) {
                claims.add(pool.submit(() -> {
                    List<UUID> mine = new ArrayList<>();
                    List<UUID> batch;
                    while (!(batch = holdQueue.claimDue(Instant.ofEpochMilli(10_000), 7)).isEmpty()) {
                        mine.addAll(batch);
                    }
                    return mine;
                }));
            }
            List<UUID> all = Collections.synchronizedList(new ArrayList<>());
            for (Future<List<UUID>> claim : claims) {
                all.addAll(claim.get());
            }
            assertThat(all).hasSize(400);
            assertThat(new HashSet<>(all)).hasSize(400);
        } finally {
            pool.shutdownNow();
            redis.delete(queue);
        }
    }

    @Test
    void theReconciliationRebuildsAMissingOrDriftedBitfieldFromPostgres() {
        UUID booking = hold("RESERVED", Instant.now().plusSeconds(600), false);
        jdbc.sql("UPDATE tickets SET status = 'SOLD', booking_id = ? WHERE event_id = ? AND seat_index = 19")
                .params(UUID.randomUUID(), eventId).update();
        redis.delete(keys.bitfield(eventId));

        assertThat(reconciler.reconcile(eventId, SEATS)).isTrue();
        assertThat(seatsTakenInBitfield()).containsExactly(0, 1, 19);
        assertThat(redis.opsForValue().get(keys.bitfield(eventId)).length()).isEqualTo(3);

        redis.opsForValue().setBit(keys.bitfield(eventId), 7, true);
        redis.opsForValue().setBit(keys.bitfield(eventId), 1, false);
        assertThat(reconciler.reconcile(eventId, SEATS)).isTrue();
        assertThat(seatsTakenInBitfield()).containsExactly(0, 1, 19);

        assertThat(reconciler.reconcile(eventId, SEATS)).isFalse();
        assertThat(status(booking)).isEqualTo("RESERVED");
    }

    /**
     * booking-service refunds a paid booking by making it REFUNDED and its seats AVAILABLE again: the worker leaves the
     * booking alone wherever it meets it, and the reconciliation puts back a refunded seat's bit that a lost
     * post-commit update left set.
     */
    @Test
    void aRefundedBookingIsLeftAloneAndItsSeatsStayFreeInTheBitfield() {
        UUID booking = hold("CONFIRMED", Instant.now().minusSeconds(5), true);
        UUID kept = hold("CONFIRMED", Instant.now().minusSeconds(5), false);
        jdbc.sql("UPDATE bookings SET status = 'REFUNDED', refund_id = 're-1', refunded_cents = 2000, "
                + "refunded_at = now() WHERE booking_id = ?").params(booking).update();
        jdbc.sql("UPDATE tickets SET status = 'AVAILABLE', booking_id = NULL WHERE booking_id = ?").params(booking).update();

        await().atMost(Duration.ofSeconds(3))
                .until(() -> redis.opsForZSet().score(keys.holds(), booking.toString()) == null);
        assertThat(reconciler.reconcile(eventId, SEATS)).as("seats 0 and 1 were still set").isTrue();

        assertThat(seatsTakenInBitfield()).containsExactly(2, 3);
        assertThat(status(booking)).isEqualTo("REFUNDED");
        assertThat(status(kept)).isEqualTo("CONFIRMED");
        assertThat(reconciler.reconcile(eventId, SEATS)).isFalse();
    }

    @Test
    void refillsTheDelayQueueFromPostgresWhenRedisLostIt() {
        UUID booking = hold("RESERVED", Instant.now().plusSeconds(600), false);
        redis.delete(List.of(keys.holds(), keys.holdsSeeded()));

        await().atMost(Duration.ofSeconds(6))
                .until(() -> redis.opsForZSet().score(keys.holds(), booking.toString()) != null);

        assertThat(redis.opsForZSet().score(keys.holds(), booking.toString()))
                .isEqualTo((double) jdbc.sql("SELECT floor(extract(epoch FROM expires_at) * 1000)::bigint FROM bookings WHERE booking_id = ?")
                        .param(booking).query(Long.class).single());
    }

    /** A booking of the next two seats, their tickets HELD (or SOLD), their bits set; queued if asked. */
    private UUID hold(String status, Instant expiresAt, boolean queued) {
        UUID booking = UUID.randomUUID();
        int first = nextSeat;
        nextSeat += 2;
        String ticketStatus = "CONFIRMED".equals(status) ? "SOLD" : "HELD";
        jdbc.sql("UPDATE tickets SET status = ?, booking_id = ? WHERE event_id = ? AND seat_index IN (?, ?)")
                .params(ticketStatus, booking, eventId, first, first + 1).update();
        jdbc.sql("""
                INSERT INTO bookings (booking_id, event_id, user_id, status, ticket_ids, total_cents, expires_at)
                VALUES (?, ?, 'u-cleanup', ?, ARRAY[?, ?]::bigint[], 2000, ?)""")
                .params(booking, eventId, status, eventId * 1_000_000 + first, eventId * 1_000_000 + first + 1,
                        java.sql.Timestamp.from(expiresAt))
                .update();
        redis.opsForValue().setBit(keys.bitfield(eventId), first, true);
        redis.opsForValue().setBit(keys.bitfield(eventId), first + 1, true);
        if (queued) {
            redis.opsForZSet().add(keys.holds(), booking.toString(), expiresAt.toEpochMilli());
        }
        return booking;
    }

    private String status(UUID booking) {
        return jdbc.sql("SELECT status FROM bookings WHERE booking_id = ?").param(booking).query(String.class).single();
    }

    private List<String> ticketStatuses(UUID booking) {
        return jdbc.sql("SELECT status FROM tickets WHERE booking_id = ?").param(booking).query(String.class).list();
    }

    private List<Integer> seatsTakenInBitfield() {
        List<Integer> taken = new ArrayList<>();
        for (int seat = 0; seat < SEATS; seat++) {
            if (Boolean.TRUE.equals(redis.opsForValue().getBit(keys.bitfield(eventId), AvailabilityBitfield.offset(seat)))) {
                taken.add(seat);
            }
        }
        return taken;
    }
}
