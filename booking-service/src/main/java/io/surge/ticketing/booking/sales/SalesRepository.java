package io.surge.ticketing.booking.sales;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL of an event's sales figures, in one statement. */
@Repository
class SalesRepository {

    private final JdbcClient jdbc;

    SalesRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Seats held and sold right now, seats of refunded bookings, money taken (paid bookings, refunded ones included)
     * and given back, tickets checked in.
     */
    record Figures(int held, int sold, int refunded, long grossCents, long refundedCents, int checkedIn,
            int returned, Waitlist waitlist) {
    }

    /**
     * The waiting list: fans waiting, offers open (held in a fan's name, not expired), offers paid, offers that
     * expired unpaid; {@code returned} seats came back and wait to be offered.
     */
    record Waitlist(int waiting, int offered, int fulfilled, int expired) {
    }

    Figures figures(long eventId) {
        return jdbc.sql("""
                        SELECT t.held, t.sold, t.returned, b.refunded, b.gross_cents, b.refunded_cents, c.checked_in,
                               w.waiting, w.offered, w.fulfilled, w.expired
                        FROM (SELECT count(*) FILTER (WHERE status = 'HELD')::int AS held,
                                     count(*) FILTER (WHERE status = 'SOLD')::int AS sold,
                                     count(*) FILTER (WHERE status = 'RETURNED')::int AS returned
                              FROM tickets WHERE event_id = ?) t,
                             (SELECT count(*) FILTER (WHERE w.status = 'WAITING')::int AS waiting,
                                     count(*) FILTER (WHERE o.status = 'RESERVED' AND o.expires_at > now())::int
                                         AS offered,
                                     count(*) FILTER (WHERE o.status IN ('CONFIRMED', 'REFUNDED'))::int AS fulfilled,
                                     count(*) FILTER (WHERE w.status = 'OFFERED' AND NOT (o.status IN ('CONFIRMED', 'REFUNDED')
                                         OR (o.status = 'RESERVED' AND o.expires_at > now())))::int AS expired
                              FROM waitlist_entries w LEFT JOIN bookings o ON o.booking_id = w.booking_id
                              WHERE w.event_id = ?) w,
                             (SELECT coalesce(sum(cardinality(ticket_ids)) FILTER (WHERE status = 'REFUNDED'), 0)::int
                                         AS refunded,
                                     coalesce(sum(total_cents), 0)::bigint AS gross_cents,
                                     coalesce(sum(total_cents) FILTER (WHERE status = 'REFUNDED'), 0)::bigint
                                         AS refunded_cents
                              FROM bookings WHERE event_id = ? AND status IN ('CONFIRMED', 'REFUNDED')) b,
                             (SELECT count(*)::int AS checked_in FROM check_ins WHERE event_id = ?) c""")
                .param(eventId).param(eventId).param(eventId).param(eventId)
                .query((rs, n) -> new Figures(rs.getInt("held"), rs.getInt("sold"), rs.getInt("refunded"),
                        rs.getLong("gross_cents"), rs.getLong("refunded_cents"), rs.getInt("checked_in"),
                        rs.getInt("returned"), new Waitlist(rs.getInt("waiting"), rs.getInt("offered"),
                                rs.getInt("fulfilled"), rs.getInt("expired"))))
                .single();
    }
}
