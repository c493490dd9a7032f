package io.surge.ticketing.invariants;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;

import io.lettuce.core.SetArgs;
import io.surge.ticketing.contracts.redis.AvailabilityBitfield;
import io.surge.ticketing.contracts.redis.BookingRedisKeys;

/**
 * The checker's reads of the local stack's Redis, as the stack's ACL user, on keys of an event id nothing else uses
 * (deleted afterwards).
 */
class StackRedisIntegrationTests {

    private final LocalStack stack = LocalStack.load();
    private final long eventId = 9_000_000_000L + ThreadLocalRandom.current().nextLong(1_000_000_000L);

    @Test
    void connectsAsTheStacksAclUser() {
        try (StackRedis redis = StackRedis.connect(stack)) {
            assertThat(redis.commands().aclWhoami())
                    .isEqualTo(stack.get("TICKETING_REDIS_USERNAME", "default"));
        }
    }

    @Test
    void readsABitfieldAsTheBytesBookingServiceWrote() {
        byte[] written = AvailabilityBitfield.of(20, List.of(0, 8, 9, 10, 11, 12, 13, 14, 15, 19));
        try (StackRedis redis = StackRedis.connect(stack)) {
            try {
                redis.commands().set(BookingRedisKeys.availability(eventId), written);

                assertThat(redis.bitfield(eventId)).containsExactly(0x80, 0xFF, 0x10);
                assertThat(redis.bitfield(eventId + 1)).isNull();
            } finally {
                redis.commands().del(BookingRedisKeys.availability(eventId));
            }
        }
    }

    @Test
    void findsEveryLivePendingMarkerWithItsEventAndTimeToLive() {
        UUID booking = UUID.randomUUID();
        UUID untimed = UUID.randomUUID();
        try (StackRedis redis = StackRedis.connect(stack)) {
            try {
                redis.commands().set(BookingRedisKeys.pending(booking), bytes("fan-1|" + eventId),
                        SetArgs.Builder.px(60_000));
                redis.commands().set(BookingRedisKeys.pending(untimed), bytes("fan-2|" + eventId));

                assertThat(redis.pendingMarkers()).filteredOn(marker -> marker.eventId() == eventId)
                        .singleElement()
                        .satisfies(marker -> {
                            assertThat(marker.bookingId()).isEqualTo(booking);
                            assertThat(marker.ttlMillis()).isBetween(1L, 60_000L);
                        });
            } finally {
                redis.commands().del(BookingRedisKeys.pending(booking), BookingRedisKeys.pending(untimed));
            }
        }
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
