package io.surge.ticketing.booking.inventory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * SQL of the one-row-per-seat inventory. Claims lock with {@code FOR UPDATE SKIP LOCKED}: a transaction never
 * waits for another's lock, it passes over the seat (which is then reported unavailable, never sold twice).
 */
@Repository
public class TicketRepository {

    /**
     * Every section's lowest available seats, each section's scan limited to what the batch could take, locked
     * in one statement: a LATERAL index scan per section on {@code tickets_available_by_section}. Each seat is quoted
     * at its section's current price ({@code event_sections}, which a price change updates), not at the price the
     * seat row was created with.
     */
    static final String CLAIM_SECTIONS_SQL = """
            SELECT c.event_id, c.section_id, t.ticket_id, t.seat_index, s.price_cents
            FROM unnest(?::bigint[], ?::bigint[], ?::int[]) AS c(event_id, section_id, wanted)
            JOIN event_sections s ON s.event_id = c.event_id AND s.section_id = c.section_id
            CROSS JOIN LATERAL (
                SELECT ticket_id, seat_index FROM tickets
                WHERE event_id = c.event_id AND section_id = c.section_id AND status = 'AVAILABLE'
                ORDER BY seat_index
                LIMIT c.wanted
                FOR UPDATE SKIP LOCKED) t
            ORDER BY c.event_id, c.section_id, t.seat_index""";

    static final String CLAIM_CHOSEN_SQL = """
            SELECT t.ticket_id, t.seat_index, s.price_cents FROM tickets t
            JOIN unnest(?::bigint[], ?::bigint[]) AS c(event_id, ticket_id)
              ON t.event_id = c.event_id AND t.ticket_id = c.ticket_id
            JOIN event_sections s ON s.event_id = t.event_id AND s.section_id = t.section_id
            WHERE t.status = 'AVAILABLE'
            FOR UPDATE OF t SKIP LOCKED""";

    private final JdbcClient jdbc;

    TicketRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Locks, for a whole batch, the chosen seats that are available and each section's lowest available seats
     * (at most two statements, whatever the batch size). Seats locked by another transaction are passed over.
     */
    public SeatClaims claim(ClaimRequest request) {
        if (request.isEmpty()) {
            return SeatClaims.NONE;
        }
        Map<Long, ClaimedSeat> chosen = new HashMap<>();
        List<Long> ticketIds = request.chosenTicketIds();
        if (!ticketIds.isEmpty()) {
            Long[] events = ticketIds.stream().map(io.surge.ticketing.contracts.messages.TicketIds::eventOf).toArray(Long[]::new);
            jdbc.sql(CLAIM_CHOSEN_SQL)
                    .param(events).param(ticketIds.toArray(Long[]::new))
                    .query((rs, n) -> new ClaimedSeat(rs.getLong(1), rs.getInt(2), rs.getLong(3)))
                    .list()
                    .forEach(seat -> chosen.put(seat.ticketId(), seat));
        }
        Map<SeatClaims.Section, List<ClaimedSeat>> sections = new HashMap<>();
        Map<SeatClaims.Section, Integer> limits = request.sectionLimits();
        if (!limits.isEmpty()) {
            List<SeatClaims.Section> keys = new ArrayList<>(limits.keySet());
            jdbc.sql(CLAIM_SECTIONS_SQL)
                    .param(keys.stream().map(SeatClaims.Section::eventId).toArray(Long[]::new))
                    .param(keys.stream().map(SeatClaims.Section::sectionId).toArray(Long[]::new))
                    .param(keys.stream().map(limits::get).toArray(Integer[]::new))
                    .query(rs -> {
                        sections.computeIfAbsent(new SeatClaims.Section(rs.getLong(1), rs.getLong(2)), k -> new ArrayList<>())
                                .add(new ClaimedSeat(rs.getLong(3), rs.getInt(4), rs.getLong(5)));
                    });
        }
        return new SeatClaims(chosen, sections);
    }

    /** A seat a decision gives to a booking. */
    public record Hold(long eventId, long ticketId, UUID bookingId) {
    }

    /**
     * AVAILABLE -> HELD for seats this transaction has locked, in one statement. Fails (rolling the batch back)
     * if any seat was not AVAILABLE: that would mean a claim did not hold its lock, and nothing may be sold twice.
     */
    public void holdAll(List<Hold> holds) {
        if (holds.isEmpty()) {
            return;
        }
        int held = jdbc.sql("""
                UPDATE tickets t SET status = 'HELD', booking_id = h.booking_id, updated_at = now()
                FROM unnest(?::bigint[], ?::bigint[], ?::uuid[]) AS h(event_id, ticket_id, booking_id)
                WHERE t.event_id = h.event_id AND t.ticket_id = h.ticket_id AND t.status = 'AVAILABLE'""")
                .param(holds.stream().map(Hold::eventId).toArray(Long[]::new))
                .param(holds.stream().map(Hold::ticketId).toArray(Long[]::new))
                .param(holds.stream().map(Hold::bookingId).toArray(UUID[]::new))
                .update();
        if (held != holds.size()) {
            throw new IllegalStateException("held " + held + " of " + holds.size() + " claimed seats: rolling the batch back");
        }
    }

    /**
     * HELD -> AVAILABLE for a booking's seats; returns the seat indexes now on sale. Here and in the other releases,
     * a seat fans wait for on the event's waiting list becomes RETURNED instead (a database trigger, see V6): it stays
     * taken for everyone else until the waiting list's allocator offers it, so it is not among the indexes returned.
     */
    public List<Integer> release(long eventId, UUID bookingId) {
        return jdbc.sql("""
                WITH released AS (
                  UPDATE tickets SET status = 'AVAILABLE', booking_id = NULL, updated_at = now()
                  WHERE event_id = ? AND booking_id = ? AND status = 'HELD'
                  RETURNING seat_index, status)
                SELECT seat_index FROM released WHERE status = 'AVAILABLE'""")
                .param(eventId).param(bookingId)
                .query(Integer.class).list();
    }

    /**
     * HELD -> AVAILABLE for the seats of many bookings of one event (an event's cancellation releasing its holds);
     * returns the released seat indexes.
     */
    public List<Integer> releaseHeld(long eventId, java.util.Collection<UUID> bookingIds) {
        if (bookingIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                WITH released AS (
                  UPDATE tickets SET status = 'AVAILABLE', booking_id = NULL, updated_at = now()
                  WHERE event_id = ? AND booking_id = ANY(?) AND status = 'HELD'
                  RETURNING seat_index, status)
                SELECT seat_index FROM released WHERE status = 'AVAILABLE'""")
                .param(eventId).param(bookingIds.toArray(UUID[]::new))
                .query(Integer.class).list();
    }

    /** SOLD -> AVAILABLE for a refunded booking's seats (back on sale); returns the released seat indexes. */
    public List<Integer> releaseSold(long eventId, UUID bookingId) {
        return jdbc.sql("""
                WITH released AS (
                  UPDATE tickets SET status = 'AVAILABLE', booking_id = NULL, updated_at = now()
                  WHERE event_id = ? AND booking_id = ? AND status = 'SOLD'
                  RETURNING seat_index, status)
                SELECT seat_index FROM released WHERE status = 'AVAILABLE'""")
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
