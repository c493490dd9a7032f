package io.surge.ticketing.contracts.redis;

import java.util.UUID;

/**
 * The Redis keys booking-service owns and other modules read or write: the availability bitfield and its meta hash
 * (cleanup-worker frees seats in it and rebuilds it, the invariant checker compares it with Postgres), the hold
 * expiry queue (cleanup-worker drains and refills it) and the pending markers (the invariant checker looks for stale
 * ones). The strings are a contract with live data, the launcher and the bench: a new spelling orphans what Redis
 * holds, so they change only with a migration.
 * <p>
 * An event's bitfield and its meta carry no cluster hash tag, although the scripts that touch both take them in one
 * call; Redis Cluster (docs/scaling.md) needs {@code booking:avail:{E}} style keys first, which is such a migration.
 */
public final class BookingRedisKeys {

    /**
     * Sorted set of live holds: member = booking id, score = expires_at in epoch millis. booking-service adds a
     * hold after its commit; cleanup-worker claims the due ones.
     */
    public static final String HOLDS = "booking:holds";

    /** Set once {@link #HOLDS} was refilled from Postgres; its absence means Redis lost its data. */
    public static final String HOLDS_SEEDED = "booking:holds:seeded";

    /**
     * The lifetime of a pending marker until Kafka has acknowledged its command: booking-service writes the marker
     * with it before the append and gives it its full lifetime ({@code ticketing.booking.commands.pending-ttl}) once
     * the append is acknowledged. An instance that dies in between (the fan got no 202) leaves a marker that is gone
     * this soon, rather than a booking that reads PENDING and is never decided. A marker with no more than this left
     * is one being buffered (the invariant checker does not age it).
     */
    public static final java.time.Duration PENDING_UNACKNOWLEDGED_TTL = java.time.Duration.ofSeconds(15);

    /** Prefix of {@link #pending(UUID)}, for a scan of every pending marker. */
    public static final String PENDING_PREFIX = "booking:pending:";

    private static final String AVAILABILITY_PREFIX = "booking:avail:";
    private static final String AVAILABILITY_META_PREFIX = "booking:availmeta:";

    private BookingRedisKeys() {
    }

    /** The event's seats held or sold, one bit per seat laid out as {@link AvailabilityBitfield} says. */
    public static String availability(long eventId) {
        return AVAILABILITY_PREFIX + eventId;
    }

    /** Hash of the event's bitfield: {@code seat_count} and {@code as_of} (epoch millis of the last write). */
    public static String availabilityMeta(long eventId) {
        return AVAILABILITY_META_PREFIX + eventId;
    }

    /** A reservation buffered in Kafka and not decided yet: value {@code userId|eventId}, with a TTL. */
    public static String pending(UUID bookingId) {
        return PENDING_PREFIX + bookingId;
    }
}
