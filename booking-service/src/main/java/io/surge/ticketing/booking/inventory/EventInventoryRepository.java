package io.surge.ticketing.booking.inventory;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.surge.ticketing.booking.BookingProperties;
import io.surge.ticketing.contracts.messages.EventInventoryDefined;

/** SQL of event_inventory, event_sections and sale_settings. */
@Repository
public class EventInventoryRepository {

    private final JdbcClient jdbc;
    private final BookingProperties properties;

    EventInventoryRepository(JdbcClient jdbc, BookingProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
    }

    private static final String FACTS_SQL = """
            SELECT e.event_id, e.seat_count, e.on_sale_at, e.cancelled,
                   coalesce(s.hold_seconds, ?) AS hold_seconds,
                   coalesce(s.max_tickets_per_user, ?) AS max_tickets_per_user,
                   ARRAY(SELECT es.section_id FROM event_sections es WHERE es.event_id = e.event_id) AS section_ids
            FROM event_inventory e LEFT JOIN sale_settings s ON s.event_id = e.event_id
            WHERE e.event_id = ANY(?)""";

    public Optional<EventFacts> find(long eventId) {
        return findAll(List.of(eventId)).values().stream().findFirst();
    }

    /** The facts of the events among {@code eventIds} that are on sale here (absent = unknown event). */
    public Map<Long, EventFacts> findAll(Collection<Long> eventIds) {
        Map<Long, EventFacts> facts = new HashMap<>();
        if (eventIds.isEmpty()) {
            return facts;
        }
        jdbc.sql(FACTS_SQL)
                .param(properties.defaultHoldSeconds()).param(properties.defaultMaxTicketsPerUser())
                .param(eventIds.toArray(Long[]::new))
                .query(rs -> {
                    Timestamp onSale = rs.getTimestamp("on_sale_at");
                    facts.put(rs.getLong("event_id"), new EventFacts(rs.getLong("event_id"), rs.getInt("seat_count"),
                            onSale == null ? null : onSale.toInstant(),
                            rs.getInt("hold_seconds"), rs.getInt("max_tickets_per_user"), rs.getBoolean("cancelled"),
                            java.util.Set.copyOf(java.util.Arrays.asList((Long[]) rs.getArray("section_ids").getArray()))));
                });
        return facts;
    }

    /** Inserts the event row; false when it already existed (a redelivered inventory message). */
    boolean insertIfAbsent(long eventId, int seatCount, Instant onSaleAt) {
        return jdbc.sql("INSERT INTO event_inventory (event_id, seat_count, on_sale_at) VALUES (?, ?, ?) "
                        + "ON CONFLICT (event_id) DO NOTHING")
                .param(eventId).param(seatCount).param(onSaleAt == null ? null : Timestamp.from(onSaleAt))
                .update() == 1;
    }

    void cancel(long eventId) {
        jdbc.sql("UPDATE event_inventory SET cancelled = true, updated_at = now() WHERE event_id = ?")
                .param(eventId)
                .update();
    }

    void updateOnSaleAt(long eventId, Instant onSaleAt) {
        jdbc.sql("UPDATE event_inventory SET on_sale_at = ?, updated_at = now() WHERE event_id = ?")
                .param(onSaleAt == null ? null : Timestamp.from(onSaleAt)).param(eventId)
                .update();
    }

    void insertSection(long eventId, EventInventoryDefined.Section section) {
        jdbc.sql("INSERT INTO event_sections (event_id, section_id, name, price_cents, first_seat_index, seat_count) "
                        + "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (event_id, section_id) DO NOTHING")
                .param(eventId).param(section.sectionId()).param(section.name()).param(section.priceCents())
                .param(section.firstSeatIndex()).param(section.seatCount())
                .update();
    }

    /** The seats of a section: {@code count} consecutive seat indexes from {@code first} (empty: no such section). */
    public record SeatRange(int first, int count) {
    }

    public Optional<SeatRange> seatRange(long eventId, long sectionId) {
        return jdbc.sql("SELECT first_seat_index, seat_count FROM event_sections "
                        + "WHERE event_id = ? AND section_id = ? AND first_seat_index IS NOT NULL")
                .param(eventId).param(sectionId)
                .query((rs, n) -> new SeatRange(rs.getInt(1), rs.getInt(2)))
                .optional();
    }

    void upsertSaleSettings(long eventId, int holdSeconds, int maxTicketsPerUser) {
        jdbc.sql("""
                INSERT INTO sale_settings (event_id, hold_seconds, max_tickets_per_user) VALUES (?, ?, ?)
                ON CONFLICT (event_id) DO UPDATE SET hold_seconds = excluded.hold_seconds,
                    max_tickets_per_user = excluded.max_tickets_per_user, updated_at = now()""")
                .param(eventId).param(holdSeconds).param(maxTicketsPerUser)
                .update();
    }

    public List<Long> eventIds() {
        return jdbc.sql("SELECT event_id FROM event_inventory ORDER BY event_id").query(Long.class).list();
    }
}
