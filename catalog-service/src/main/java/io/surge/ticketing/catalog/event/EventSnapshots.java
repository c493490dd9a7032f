package io.surge.ticketing.catalog.event;

import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads an event with everything its derived views need, in two indexed queries. */
@Repository
public class EventSnapshots {

    private final JdbcClient jdbc;

    EventSnapshots(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private record Head(long id, String name, String performer, String category, String state, Timestamp startsAt,
            Timestamp onSaleAt, Timestamp refundDeadline, boolean published, boolean soldOut, long version,
            EventSnapshot.Venue venue) {
    }

    public Optional<EventSnapshot> find(long eventId) {
        Optional<Head> head = jdbc.sql("""
                SELECT e.id, e.name, p.name AS performer, e.category, e.status, e.starts_at, e.on_sale_at,
                       coalesce(e.refund_deadline, e.starts_at) AS refund_deadline,
                       e.published_at IS NOT NULL AS published, e.sold_out, e.version,
                       v.id AS venue_id, v.name AS venue_name, v.city, v.country
                FROM event e
                JOIN performer p ON p.id = e.performer_id
                JOIN venue v ON v.id = e.venue_id
                WHERE e.id = :id""")
                .param("id", eventId)
                .query((rs, i) -> new Head(rs.getLong("id"), rs.getString("name"), rs.getString("performer"),
                        rs.getString("category"), rs.getString("status"), rs.getTimestamp("starts_at"),
                        rs.getTimestamp("on_sale_at"), rs.getTimestamp("refund_deadline"), rs.getBoolean("published"),
                        rs.getBoolean("sold_out"), rs.getLong("version"),
                        new EventSnapshot.Venue(rs.getLong("venue_id"), rs.getString("venue_name"),
                                rs.getString("city"), rs.getString("country"))))
                .optional();
        return head.map(h -> new EventSnapshot(h.id(), h.name(), h.performer(), h.category(), h.state(),
                h.startsAt().toInstant(), h.onSaleAt().toInstant(), h.refundDeadline().toInstant(), h.published(),
                h.soldOut(), h.version(), h.venue(), sections(h.id(), h.venue().id())));
    }

    private List<EventSnapshot.Section> sections(long eventId, long venueId) {
        return jdbc.sql("""
                SELECT s.id, s.name, s.rows, s.seats_per_row, s.general_admission, t.price_cents
                FROM venue_section s
                JOIN price_tier t ON t.section_id = s.id AND t.event_id = :event
                WHERE s.venue_id = :venue
                ORDER BY s.position""")
                .param("event", eventId).param("venue", venueId)
                .query((rs, i) -> new EventSnapshot.Section(rs.getLong("id"), rs.getString("name"), rs.getInt("rows"),
                        rs.getInt("seats_per_row"), rs.getBoolean("general_admission"), rs.getLong("price_cents")))
                .list();
    }

    /** Every event id (an index-only scan): the read path's set of ids worth a query at all. */
    public List<Long> eventIds() {
        return jdbc.sql("SELECT id FROM event").query(Long.class).list();
    }

    /** Whether the event exists (a primary-key probe). */
    public boolean exists(long eventId) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM event WHERE id = :id)").param("id", eventId).query(Boolean.class)
                .single();
    }

    /** The current version alone: cheap enough to revalidate a cached representation. */
    public Optional<Long> version(long eventId) {
        return jdbc.sql("SELECT version FROM event WHERE id = :id").param("id", eventId).query(Long.class).optional();
    }
}
