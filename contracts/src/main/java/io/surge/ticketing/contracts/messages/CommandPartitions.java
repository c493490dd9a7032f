package io.surge.ticketing.contracts.messages;

/**
 * Where a {@link ReserveCommand} goes on {@code booking.commands}: one event's commands are spread over
 * {@code spread} consecutive partitions starting at the event's own, by a hash of the fan, so that several
 * consumers decide a hot event at once while each fan's commands stay in one partition, in order. Shared by the
 * booking API and the benchmark's command burst, so both route alike.
 */
public final class CommandPartitions {

    private CommandPartitions() {
    }

    public static int of(long eventId, String userId, int partitions, int spread) {
        if (partitions <= 0) {
            throw new IllegalArgumentException("partitions must be positive: " + partitions);
        }
        int home = Math.floorMod(mix(Long.hashCode(eventId)), partitions);
        int bucket = Math.floorMod(mix(userId.hashCode()), Math.max(1, Math.min(spread, partitions)));
        return (home + bucket) % partitions;
    }

    /** A finalizer that spreads nearby hash codes (user ids that differ in one digit) over all buckets. */
    private static int mix(int h) {
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        return h ^ (h >>> 16);
    }
}
