package io.surge.ticketing.booking.inventory;

import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * SQL of the one-row-per-seat inventory. Claims lock with {@code FOR UPDATE SKIP LOCKED}: a transaction never
 * waits for another's lock, it passes over the seat (which is then reported unavailable, never sold twice).
 */
@Repository
public class TicketRepository {

    static final String CLAIM_BEST_AVAILABLE_SQL = """
            SELECT ticket_id, seat_index, price_cents FROM tickets
            WHERE event_id = ? AND section_id = ? AND status = 'AVAILABLE'
            ORDER BY seat_index
            LIMIT ?
            FOR UPDATE SKIP LOCKED""";

    private final JdbcClient jdbc;

    TicketRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Locks those of the chosen seats that are available and not locked by another transaction. */
    public List<ClaimedSeat> claimChosenForUpdateSkipLocked(long eventId, List<Long> ticketIds) {
        return jdbc.sql("""
                SELECT ticket_id, seat_index, price_cents FROM tickets
                WHERE event_id = ? AND ticket_id = ANY(?) AND status = 'AVAILABLE'
                ORDER BY ticket_id
                FOR UPDATE SKIP LOCKED""")
                .param(eventId).param(ticketIds.toArray(Long[]::new))
                .query((rs, n) -> new ClaimedSeat(rs.getLong(1), rs.getInt(2), rs.getLong(3)))
                .list();
    }

    /**
     * Locks up to {@code quantity} available seats of a section, best (lowest seat index) first. The partial
     * index {@code tickets_available_by_section} serves this scan in seat order without a sort.
     */
    public List<ClaimedSeat> claimBestAvailableForUpdateSkipLocked(long eventId, long sectionId, int quantity) {
        return jdbc.sql(CLAIM_BEST_AVAILABLE_SQL)
                .param(eventId).param(sectionId).param(quantity)
                .query((rs, n) -> new ClaimedSeat(rs.getLong(1), rs.getInt(2), rs.getLong(3)))
                .list();
    }

    /** AVAILABLE -> HELD for seats this transaction has locked. */
    public int hold(long eventId, List<Long> ticketIds, UUID bookingId) {
        return jdbc.sql("""
                UPDATE tickets SET status = 'HELD', booking_id = ?, updated_at = now()
                WHERE event_id = ? AND ticket_id = ANY(?) AND status = 'AVAILABLE'""")
                .param(bookingId).param(eventId).param(ticketIds.toArray(Long[]::new))
                .update();
    }

    /** HELD -> AVAILABLE for a booking's seats; returns the released seat indexes. */
    public List<Integer> release(long eventId, UUID bookingId) {
        return jdbc.sql("""
                UPDATE tickets SET status = 'AVAILABLE', booking_id = NULL, updated_at = now()
                WHERE event_id = ? AND booking_id = ? AND status = 'HELD'
                RETURNING seat_index""")
                .param(eventId).param(bookingId)
                .query(Integer.class).list();
    }

    /** HELD -> SOLD for a booking's seats. */
    public int sell(long eventId, UUID bookingId) {
        return jdbc.sql("""
                UPDATE tickets SET status = 'SOLD', updated_at = now()
                WHERE event_id = ? AND booking_id = ? AND status = 'HELD'""")
                .param(eventId).param(bookingId)
                .update();
    }

    /** Seat indexes that are held or sold: the source the availability bitfield is rebuilt from. */
    public List<Integer> takenSeatIndexes(long eventId) {
        return jdbc.sql("SELECT seat_index FROM tickets WHERE event_id = ? AND status <> 'AVAILABLE'")
                .param(eventId)
                .query(Integer.class).list();
    }

    /** Seats changed since {@code since}: replayed over a rebuilt bitfield to catch commits during the rebuild. */
    public List<int[]> changedSince(long eventId, java.time.Instant since) {
        return jdbc.sql("SELECT seat_index, CASE WHEN status = 'AVAILABLE' THEN 0 ELSE 1 END FROM tickets "
                        + "WHERE event_id = ? AND updated_at >= ?")
                .param(eventId).param(java.sql.Timestamp.from(since))
                .query((rs, n) -> new int[] {rs.getInt(1), rs.getInt(2)})
                .list();
    }
}
