package io.surge.ticketing.contracts.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;

/** The spellings are pinned: live data, the launcher and the bench know them, so a rename must fail here first. */
class RedisKeysUnitTests {

    @Test
    void theKeysAreSpelledAsTheRunningStackHasThem() {
        UUID booking = UUID.fromString("00000000-0000-0000-0000-000000000001");

        assertThat(BookingRedisKeys.availability(42)).isEqualTo("booking:avail:42");
        assertThat(BookingRedisKeys.availabilityMeta(42)).isEqualTo("booking:availmeta:42");
        assertThat(BookingRedisKeys.HOLDS).isEqualTo("booking:holds");
        assertThat(BookingRedisKeys.HOLDS_SEEDED).isEqualTo("booking:holds:seeded");
        assertThat(BookingRedisKeys.pending(booking)).isEqualTo("booking:pending:" + booking);
        assertThat(PaymentRedisKeys.inflight(booking)).isEqualTo("payment:inflight:" + booking);
    }
}
