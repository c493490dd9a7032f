package io.surge.ticketing.booking.waitlist;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL of {@code waitlist_entries} and of the RETURNED seats the waiting lists are offered. */
@Repository
class WaitlistRepository {

    private final JdbcClient jdbc;

    WaitlistRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A fan's entry, with what became of its offer (the offer's booking status; null before an offer). */
    record Entry(long entryId, long eventId, String userId, Long sectionId, int quantity, boolean offered,
            UUID bookingId, Instant createdAt, String bookingStatus, List<Long> ticketIds, Instant expiresAt) {
    }

    /** A seat that came back while fans waited for it. */
    record ReturnedSeat(long ticketId, long sectionId, int seatIndex, long priceCents) {
    }

    /** A waiting fan, in the order of joining. */
    record Waiting(long entryId, String userId, Long sectionId, int quantity) {
    }

    /** Adds the fan's entry; empty when the fan already had one (the same entry stands). */
    Optional<Long> insert(long eventId, String userId, Long sectionId, int quantity) {
        return jdbc.sql("""
                        INSERT INTO waitlist_entries (event_id, user_id, section_id, quantity) VALUES (?, ?, ?, ?)
                        ON CONFLICT (event_id, user_id) DO NOTHING RETURNING entry_id""")
                .param(eventId).param(userId).param(sectionId).param(quantity)
                .query(Long.class).optional();
    }

    Optional<Entry> find(long eventId, String userId) {
        return jdbc.sql("""
                        SELECT w.entry_id, w.event_id, w.user_id, w.section_id, w.quantity, w.status, w.booking_id,
                               w.created_at, b.status AS booking_status, b.ticket_ids, b.expires_at
                        FROM waitlist_entries w LEFT JOIN bookings b ON b.booking_id = w.booking_id
                        WHERE w.event_id = ? AND w.user_id = ?""")
                .param(eventId).param(userId)
                .query(WaitlistRepository::entry).optional();
    }

    /** Fans still waiting who joined before this entry: its place is one more. */
    long waitingAhead(long eventId, long entryId) {
        return jdbc.sql("SELECT count(*) FROM waitlist_entries WHERE event_id = ? AND status = 'WAITING' AND entry_id < ?")
                .param(eventId).param(entryId)
                .query(Long.class).single();
    }

    /** Seats of the event neither held, sold nor returned to its waiting list. */
    long availableSeats(long eventId) {
        return jdbc.sql("SELECT count(*) FROM tickets WHERE event_id = ? AND status = 'AVAILABLE'")
                .param(eventId).query(Long.class).single();
    }

    boolean sectionExists(long eventId, long sectionId) {
        return jdbc.sql("SELECT count(*) FROM event_sections WHERE event_id = ? AND section_id = ?")
                .param(eventId).param(sectionId).query(Long.class).single() > 0;
    }

    /** Events with seats waiting to be offered. */
    List<Long> eventsWithReturnedSeats() {
        return jdbc.sql("SELECT DISTINCT event_id FROM tickets WHERE status = 'RETURNED'").query(Long.class).list();
    }

    /** Whether this transaction may allocate the event's returned seats (one allocator per event at a time). */
    boolean tryLockEvent(long eventId) {
        return Boolean.TRUE.equals(jdbc.sql("SELECT pg_try_advisory_xact_lock(hashtextextended('waitlist:' || ?, 0))")
                .param(eventId).query(Boolean.class).single());
    }

    List<ReturnedSeat> lockReturnedSeats(long eventId) {
        return jdbc.sql("""
                        SELECT ticket_id, section_id, seat_index, price_cents FROM tickets
                        WHERE event_id = ? AND status = 'RETURNED' ORDER BY section_id, seat_index FOR UPDATE""")
                .param(eventId)
                .query((rs, n) -> new ReturnedSeat(rs.getLong(1), rs.getLong(2), rs.getInt(3), rs.getLong(4)))
                .list();
    }

    List<Waiting> lockWaiting(long eventId) {
        return jdbc.sql("""
                        SELECT entry_id, user_id, section_id, quantity FROM waitlist_entries
                        WHERE event_id = ? AND status = 'WAITING' ORDER BY entry_id FOR UPDATE""")
                .param(eventId)
                .query((rs, n) -> new Waiting(rs.getLong(1), rs.getString(2), (Long) rs.getObject(3), rs.getInt(4)))
                .list();
    }

    /** RETURNED -> HELD for an offer's booking; the count of seats taken (all of them, or the caller rolls back). */
    int holdForOffer(long eventId, List<Long> ticketIds, UUID bookingId) {
        return jdbc.sql("""
                        UPDATE tickets SET status = 'HELD', booking_id = ?, updated_at = now()
                        WHERE event_id = ? AND ticket_id = ANY(?) AND status = 'RETURNED'""")
                .param(bookingId).param(eventId).param(ticketIds.toArray(Long[]::new))
                .update();
    }

    int markOffered(long entryId, UUID bookingId) {
        return jdbc.sql("""
                        UPDATE waitlist_entries SET status = 'OFFERED', booking_id = ?, offered_at = now()
                        WHERE entry_id = ? AND status = 'WAITING'""")
                .param(bookingId).param(entryId)
                .update();
    }

    /** RETURNED -> AVAILABLE: seats nobody on the list can take go back on sale; their seat indexes. */
    List<Integer> putBackOnSale(long eventId, List<Long> ticketIds) {
        if (ticketIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        UPDATE tickets SET status = 'AVAILABLE', updated_at = now()
                        WHERE event_id = ? AND ticket_id = ANY(?) AND status = 'RETURNED'
                        RETURNING seat_index""")
                .param(eventId).param(ticketIds.toArray(Long[]::new))
                .query(Integer.class).list();
    }

    private static Entry entry(ResultSet rs, int row) throws SQLException {
        java.sql.Array tickets = rs.getArray("ticket_ids");
        Timestamp expires = rs.getTimestamp("expires_at");
        return new Entry(rs.getLong("entry_id"), rs.getLong("event_id"), rs.getString("user_id"),
                (Long) rs.getObject("section_id"), rs.getInt("quantity"), "OFFERED".equals(rs.getString("status")),
                rs.getObject("booking_id", UUID.class), rs.getTimestamp("created_at").toInstant(),
                rs.getString("booking_status"),
                tickets == null ? List.of() : Arrays.asList((Long[]) tickets.getArray()),
                expires == null ? null : expires.toInstant());
    }
}
