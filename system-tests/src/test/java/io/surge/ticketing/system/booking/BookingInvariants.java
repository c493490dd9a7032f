package io.surge.ticketing.system.booking;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Collection;
import java.util.UUID;

import org.awaitility.Awaitility;

import io.surge.ticketing.system.Platform;

/**
 * The booking core's invariants, read straight from the source of truth (Postgres) and its mirror (Redis):
 * used after every race, crash and surge test.
 */
final class BookingInvariants {

    private final Platform platform;

    BookingInvariants(Platform platform) {
        this.platform = platform;
    }

    /** Every seat in at most one live booking, seats and bookings agree, the counts add up to the event's size. */
    void assertConsistent(long eventId, int seatCount) throws Exception {
        try (Connection db = platform.db("booking")) {
            assertThat(count(db, "SELECT count(*) FROM tickets WHERE event_id = ?", eventId))
                    .as("seat rows").isEqualTo(seatCount);
            assertThat(count(db, """
                    SELECT count(*) FROM (
                      SELECT t FROM bookings b, unnest(b.ticket_ids) t
                      WHERE b.event_id = ? AND b.status IN ('RESERVED', 'CONFIRMED')
                      GROUP BY t HAVING count(*) > 1) doubles""", eventId))
                    .as("seats in two live bookings").isZero();
            assertThat(count(db, """
                    SELECT count(*) FROM tickets t
                    WHERE t.event_id = ? AND t.status <> 'AVAILABLE' AND NOT EXISTS (
                      SELECT 1 FROM bookings b WHERE b.booking_id = t.booking_id
                        AND b.status = CASE t.status WHEN 'HELD' THEN 'RESERVED' ELSE 'CONFIRMED' END
                        AND t.ticket_id = ANY(b.ticket_ids))""", eventId))
                    .as("taken seats without the live booking that holds them").isZero();
            long taken = count(db, "SELECT count(*) FROM tickets WHERE event_id = ? AND status <> 'AVAILABLE'", eventId);
            long inBookings = count(db, """
                    SELECT coalesce(sum(cardinality(ticket_ids)), 0) FROM bookings
                    WHERE event_id = ? AND status IN ('RESERVED', 'CONFIRMED')""", eventId);
            assertThat(inBookings).as("seats of live bookings = taken seats").isEqualTo(taken);
            long available = count(db, "SELECT count(*) FROM tickets WHERE event_id = ? AND status = 'AVAILABLE'", eventId);
            assertThat(available + taken).as("held + sold + available").isEqualTo(seatCount);
        }
    }

    /** Every booking id the API gave out was decided (no request lost, none left PENDING). */
    void assertAllDecided(long eventId, Collection<String> bookingIds) throws Exception {
        try (Connection db = platform.db("booking");
             PreparedStatement statement = db.prepareStatement(
                     "SELECT count(*) FROM bookings WHERE event_id = ? AND booking_id = ANY(?)")) {
            statement.setLong(1, eventId);
            statement.setArray(2, db.createArrayOf("uuid", bookingIds.stream().map(UUID::fromString).toArray()));
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                assertThat(rs.getLong(1)).as("decided bookings among those the API named").isEqualTo(bookingIds.size());
            }
        }
    }

    /** The Redis bitfield mirrors Postgres exactly (waiting a little for post-commit updates to land). */
    void assertBitfieldMatchesPostgres(long eventId, int seatCount) {
        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                assertThat(redisBitfield(eventId, seatCount)).as("bitfield of event " + eventId)
                        .isEqualTo(postgresBitfield(eventId, seatCount)));
    }

    byte[] postgresBitfield(long eventId, int seatCount) throws Exception {
        byte[] bits = new byte[(seatCount + 7) / 8];
        try (Connection db = platform.db("booking");
             PreparedStatement statement = db.prepareStatement(
                     "SELECT seat_index FROM tickets WHERE event_id = ? AND status <> 'AVAILABLE'")) {
            statement.setLong(1, eventId);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    int index = rs.getInt(1);
                    bits[index >> 3] |= (byte) (0x80 >>> (index & 7));
                }
            }
        }
        return bits;
    }

    byte[] redisBitfield(long eventId, int seatCount) {
        try (var redis = platform.redis()) {
            byte[] stored = redis.sync().get(("booking:avail:" + eventId).getBytes());
            return stored == null ? null : java.util.Arrays.copyOf(stored, (seatCount + 7) / 8);
        }
    }

    static long count(Connection db, String sql, long eventId) throws Exception {
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            statement.setLong(1, eventId);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
