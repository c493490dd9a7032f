package io.surge.ticketing.booking.soldout;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL of the sold-out announcements: the live events with what was last announced of each, and the leader lock. */
@Repository
class AvailabilityAnnouncements {

    // the one-key advisory lock space (the per-fan locks use the two-key space, which does not overlap)
    private static final long LEADER_LOCK = 0x626f6f6b_736f6c64L; // "booksold"

    private final JdbcClient jdbc;

    AvailabilityAnnouncements(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Whether this transaction is the one replica announcing this round (held until it ends; never waits). */
    boolean lead() {
        return Boolean.TRUE.equals(jdbc.sql("SELECT pg_try_advisory_xact_lock(?)").param(LEADER_LOCK)
                .query(Boolean.class).single());
    }

    /**
     * A live event and what was last announced of it.
     *
     * @param lastSoldOut    null when nothing was announced yet
     * @param lastAnnounced  null when nothing was announced yet
     */
    record LiveEvent(long eventId, int seatCount, Boolean lastSoldOut, Instant lastAnnounced) {
    }

    /**
     * The events fans can buy right now (published, not cancelled, on sale or in their presale, before the show), by
     * the database clock.
     */
    List<LiveEvent> liveEvents() {
        return jdbc.sql("""
                        SELECT e.event_id, e.seat_count, a.sold_out, a.announced_at
                        FROM event_inventory e LEFT JOIN availability_announcements a ON a.event_id = e.event_id
                             LEFT JOIN sale_settings s ON s.event_id = e.event_id
                        WHERE e.published AND NOT e.cancelled
                          AND (e.on_sale_at IS NULL OR e.on_sale_at <= now()
                               OR (s.presale_starts_at <= now() AND s.presale_ends_at > now()))
                          AND (e.starts_at IS NULL OR e.starts_at > now())
                        ORDER BY e.event_id""")
                .query((rs, n) -> {
                    Timestamp announced = rs.getTimestamp("announced_at");
                    return new LiveEvent(rs.getLong("event_id"), rs.getInt("seat_count"),
                            (Boolean) rs.getObject("sold_out"), announced == null ? null : announced.toInstant());
                })
                .list();
    }

    /** Seats neither held nor sold, from PostgreSQL (when the event's bitfield is missing). */
    int availableInPostgres(long eventId) {
        return jdbc.sql("SELECT count(*) FROM tickets WHERE event_id = ? AND status = 'AVAILABLE'")
                .param(eventId).query(Integer.class).single();
    }

    void record(long eventId, boolean soldOut, int available, Instant announcedAt) {
        jdbc.sql("""
                        INSERT INTO availability_announcements (event_id, sold_out, available, announced_at)
                        VALUES (?, ?, ?, ?)
                        ON CONFLICT (event_id) DO UPDATE SET sold_out = excluded.sold_out,
                            available = excluded.available, announced_at = excluded.announced_at""")
                .param(eventId).param(soldOut).param(available).param(Timestamp.from(announcedAt))
                .update();
    }
}
