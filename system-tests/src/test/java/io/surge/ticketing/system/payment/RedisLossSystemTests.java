package io.surge.ticketing.system.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.surge.ticketing.system.Platform;

/**
 * Issue 5: a FLUSHALL of Redis in the middle of a run. The delay queue and the bitfields are rebuilt from
 * Postgres, every hold is still released, and no seat is lost or sold twice.
 * <p>
 * It wipes every key of the shared Redis, so it only runs when {@code TICKETING_ALLOW_FLUSHALL=true} is set
 * (never while other people use the stack).
 */
class RedisLossSystemTests {

    private static final int HOLDS = 200;
    private HoldFixtures holds;

    @BeforeEach
    void event() throws Exception {
        Assumptions.assumeTrue("true".equals(System.getenv("TICKETING_ALLOW_FLUSHALL")),
                "set TICKETING_ALLOW_FLUSHALL=true to run the Redis-loss test (it flushes the shared Redis)");
        holds = new HoldFixtures(HOLDS);
    }

    @AfterEach
    void cleanUp() throws Exception {
        if (holds != null) {
            holds.close();
        }
    }

    @Test
    void afterAFlushallHoldsAreStillReleasedAndTheBitfieldIsRebuiltFromPostgres() throws Exception {
        List<UUID> shortHolds = holds.reserve(HOLDS / 2, seat -> "loss-" + seat, Instant.now().plusSeconds(8));

        try (var redis = Platform.get().redis()) {
            redis.sync().flushall();
        }

        // The delay queue is refilled from Postgres, so the holds expire on time (or by the sweep at worst).
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                .until(() -> holds.count("SELECT count(*) FROM bookings WHERE event_id = ? AND status = 'EXPIRED'") == shortHolds.size());
        // The bitfield comes back whole from Postgres (cleanup's reconciliation or booking's rebuild): all seats free.
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                .until(() -> Platform.get().redis().sync().exists(holds.bitfieldKey().getBytes()) == 1
                        && holds.seatsTakenInBitfield() == 0);
        assertThat(holds.count("SELECT count(*) FROM tickets WHERE event_id = ? AND status = 'AVAILABLE'")).isEqualTo(HOLDS);
        assertThat(holds.count("SELECT count(*) FROM tickets WHERE event_id = ? AND status <> 'AVAILABLE' AND booking_id IS NULL"))
                .isZero();
    }
}
