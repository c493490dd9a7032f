package io.surge.ticketing.booking.bookings;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL of the bookings table. Every state change is a guarded transition: {@code WHERE status = ...}. */
@Repository
public class BookingRepository {

    private static final String COLUMNS = "booking_id, event_id, user_id, status, ticket_ids, unavailable_ticket_ids, "
            + "total_cents, expires_at, reason, payment_id";

    private final JdbcClient jdbc;

    BookingRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Booking> find(UUID bookingId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM bookings WHERE booking_id = ?")
                .param(bookingId)
                .query(BookingRepository::map)
                .optional();
    }

    /** The ids among {@code bookingIds} that are already decided (a redelivered command must not decide twice). */
    public Set<UUID> existing(Collection<UUID> bookingIds) {
        if (bookingIds.isEmpty()) {
            return Set.of();
        }
        return jdbc.sql("SELECT booking_id FROM bookings WHERE booking_id = ANY(?)")
                .param(bookingIds.toArray(UUID[]::new))
                .query((rs, n) -> rs.getObject(1, UUID.class))
                .set();
    }

    public List<Booking> findAll(Collection<UUID> bookingIds) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM bookings WHERE booking_id = ANY(?)")
                .param(bookingIds.toArray(UUID[]::new))
                .query(BookingRepository::map)
                .list();
    }

    /** Seats this user holds or owns for the event (the per-user limit counts them). */
    public int liveTicketCount(long eventId, String userId) {
        return jdbc.sql("""
                SELECT coalesce(sum(cardinality(ticket_ids)), 0) FROM bookings
                WHERE event_id = ? AND user_id = ? AND status IN ('RESERVED', 'CONFIRMED')""")
                .param(eventId).param(userId)
                .query(Integer.class).single();
    }

    public void insertReserved(UUID bookingId, long eventId, String userId, List<Long> ticketIds, long totalCents,
            Instant expiresAt) {
        jdbc.sql("""
                INSERT INTO bookings (booking_id, event_id, user_id, status, ticket_ids, total_cents, expires_at)
                VALUES (?, ?, ?, 'RESERVED', ?, ?, ?)""")
                .param(bookingId).param(eventId).param(userId).param(ticketIds.toArray(Long[]::new))
                .param(totalCents).param(Timestamp.from(expiresAt))
                .update();
    }

    public void insertRejected(UUID bookingId, long eventId, String userId, List<Long> requested,
            List<Long> unavailable, String reason) {
        jdbc.sql("""
                INSERT INTO bookings (booking_id, event_id, user_id, status, ticket_ids, unavailable_ticket_ids, reason)
                VALUES (?, ?, ?, 'REJECTED', ?, ?, ?)""")
                .param(bookingId).param(eventId).param(userId).param(requested.toArray(Long[]::new))
                .param(unavailable.toArray(Long[]::new)).param(reason)
                .update();
    }

    /** RESERVED -> CANCELLED; empty when the booking was not RESERVED any more. */
    public Optional<Booking> cancel(UUID bookingId, String userId) {
        return jdbc.sql("UPDATE bookings SET status = 'CANCELLED', updated_at = now() "
                        + "WHERE booking_id = ? AND user_id = ? AND status = 'RESERVED' RETURNING " + COLUMNS)
                .param(bookingId).param(userId)
                .query(BookingRepository::map)
                .optional();
    }

    /** RESERVED -> CONFIRMED while the hold is still valid and the event not cancelled; empty otherwise. */
    public Optional<Booking> confirm(UUID bookingId, String paymentId) {
        return jdbc.sql("UPDATE bookings SET status = 'CONFIRMED', payment_id = ?, updated_at = now() "
                        + "WHERE booking_id = ? AND status = 'RESERVED' AND expires_at > now() "
                        + "AND NOT EXISTS (SELECT 1 FROM event_inventory e WHERE e.event_id = bookings.event_id AND e.cancelled) "
                        + "RETURNING " + COLUMNS)
                .param(paymentId).param(bookingId)
                .query(BookingRepository::map)
                .optional();
    }

    static Booking map(ResultSet rs, int row) throws SQLException {
        Timestamp expires = rs.getTimestamp("expires_at");
        return new Booking(
                rs.getObject("booking_id", UUID.class),
                rs.getLong("event_id"),
                rs.getString("user_id"),
                BookingStatus.valueOf(rs.getString("status")),
                longs(rs.getArray("ticket_ids")),
                longs(rs.getArray("unavailable_ticket_ids")),
                rs.getLong("total_cents"),
                expires == null ? null : expires.toInstant(),
                rs.getString("reason"),
                rs.getString("payment_id"));
    }

    private static List<Long> longs(Array array) throws SQLException {
        if (array == null) {
            return List.of();
        }
        return Arrays.stream((Long[]) array.getArray()).collect(Collectors.toUnmodifiableList());
    }
}
