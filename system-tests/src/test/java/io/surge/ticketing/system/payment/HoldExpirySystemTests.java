package io.surge.ticketing.system.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 5's expiry criterion against the running cleanup-worker: 1,000 holds of 5 s, all expiring at the same
 * instant, are all released within 1 s of their expiry; the seats are AVAILABLE again and the bitfield shows
 * them free.
 */
class HoldExpirySystemTests {

    private static final int HOLDS = 1_000;
    private HoldFixtures holds;

    @BeforeEach
    void event() throws Exception {
        holds = new HoldFixtures(HOLDS);
    }

    @AfterEach
    void cleanUp() throws Exception {
        holds.close();
    }

    @Test
    void aThousandHoldsOfFiveSecondsAreAllReleasedWithinASecondOfTheirExpiry() throws Exception {
        Instant expiresAt = Instant.now().plusSeconds(5);
        List<UUID> reserved = holds.reserve(HOLDS, seat -> "expiry-" + seat, expiresAt);
        System.out.printf("1,000 holds written %d ms before they expire%n", Duration.between(Instant.now(), expiresAt).toMillis());
        assertThat(reserved).hasSize(HOLDS);
        assertThat(holds.seatsTakenInBitfield()).isEqualTo(HOLDS);

        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(250))
                .until(() -> holds.count("SELECT count(*) FROM bookings WHERE event_id = ? AND status = 'EXPIRED'") == HOLDS);

        List<Long> lateness = holds.releaseLatenessMillis();
        long p50 = lateness.get(lateness.size() / 2);
        long p99 = lateness.get((int) Math.ceil(lateness.size() * 0.99) - 1);
        long max = lateness.get(lateness.size() - 1);
        System.out.printf("hold release lateness over %d holds: min=%d ms p50=%d ms p99=%d ms max=%d ms%n", lateness.size(),
                lateness.get(0), p50, p99, max);
        assertThat(lateness).hasSize(HOLDS).allSatisfy(ms -> assertThat(ms).isBetween(0L, 1_000L));
        assertThat(holds.count("SELECT count(*) FROM tickets WHERE event_id = ? AND status = 'AVAILABLE' AND booking_id IS NULL"))
                .isEqualTo(HOLDS);
        await().atMost(Duration.ofSeconds(2)).until(() -> holds.seatsTakenInBitfield() == 0);
        // Reservable again: a new hold on every seat takes them all (the guarded UPDATE only matches AVAILABLE rows).
        List<UUID> again = holds.reserve(HOLDS, seat -> "again-" + seat, Instant.now().plusSeconds(600));
        assertThat(holds.count("SELECT count(*) FROM tickets WHERE event_id = ? AND status = 'HELD'")).isEqualTo(again.size());
    }
}
