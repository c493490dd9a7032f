package io.surge.ticketing.booking.inventory;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

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
            SELECT e.event_id, e.seat_count, e.on_sale_at, e.cancelled, e.starts_at, e.refund_deadline, e.published,
                   coalesce(s.hold_seconds, ?) AS hold_seconds,
                   coalesce(s.max_tickets_per_user, ?) AS max_tickets_per_user,
                   s.presale_starts_at, s.presale_ends_at,
                   ARRAY(SELECT es.section_id FROM event_sections es WHERE es.event_id = e.event_id) AS section_ids
            FROM event_inventory e LEFT JOIN sale_settings s ON s.event_id = e.event_id
            WHERE e.event_id = ANY(?)""";

    public Optional<EventFacts> find(long eventId) {
        return findAll(List.of(eventId)).values().stream().findFirst();
    }

    /** The facts of the events among {@code eventIds} that are on sale here (absent = unknown event). */
    public Map<Long, EventFacts> findAll(Collection<Long> eventIds) {
        return facts(FACTS_SQL, eventIds);
    }

    /**
     * The same, with each event row share-locked until the caller's transaction ends: a decision made on these facts
     * commits before an event's cancellation may start, or waits for it and sees it (so no hold is taken on an event
     * whose cancellation did not see it). Share locks do not block each other: parallel deciders go on.
     */
    public Map<Long, EventFacts> findAllForShare(Collection<Long> eventIds) {
        return facts(FACTS_SQL + " FOR SHARE OF e", eventIds);
    }

    private Map<Long, EventFacts> facts(String sql, Collection<Long> eventIds) {
        Map<Long, EventFacts> facts = new HashMap<>();
        if (eventIds.isEmpty()) {
            return facts;
        }
        jdbc.sql(sql)
                .param(properties.defaultHoldSeconds()).param(properties.defaultMaxTicketsPerUser())
                .param(eventIds.toArray(Long[]::new))
                .query(rs -> {
                    facts.put(rs.getLong("event_id"), new EventFacts(rs.getLong("event_id"), rs.getInt("seat_count"),
                            instant(rs, "on_sale_at"), rs.getInt("hold_seconds"), rs.getInt("max_tickets_per_user"),
                            rs.getBoolean("cancelled"), Set.copyOf(Arrays.asList((Long[]) rs.getArray("section_ids").getArray())),
                            instant(rs, "starts_at"), instant(rs, "refund_deadline"), rs.getBoolean("published"),
                            instant(rs, "presale_starts_at"), instant(rs, "presale_ends_at")));
                });
        return facts;
    }

    /** Inserts the event row; false when it already existed (a redelivered or re-sent inventory message). */
    boolean insertIfAbsent(EventInventoryDefined inventory) {
        return jdbc.sql("""
                        INSERT INTO event_inventory (event_id, seat_count, on_sale_at, starts_at, refund_deadline, published)
                        VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (event_id) DO NOTHING""")
                .param(inventory.eventId()).param(inventory.seatCount())
                .param(timestamp(inventory.onSaleAt())).param(timestamp(inventory.startsAt()))
                .param(timestamp(inventory.refundDeadline())).param(inventory.isPublished())
                .update() == 1;
    }

    /** Not cancelled -> cancelled; false when it was cancelled already (the effects of a cancellation run once). */
    boolean markCancelled(long eventId) {
        return jdbc.sql("UPDATE event_inventory SET cancelled = true, updated_at = now() "
                        + "WHERE event_id = ? AND NOT cancelled")
                .param(eventId)
                .update() == 1;
    }

    /** The sale start, the show's start, the refund deadline and the draft flag, as the catalog sent them last. */
    void updateLifecycle(EventInventoryDefined inventory) {
        jdbc.sql("""
                        UPDATE event_inventory SET on_sale_at = ?, starts_at = ?, refund_deadline = ?, published = ?,
                               updated_at = now()
                        WHERE event_id = ?""")
                .param(timestamp(inventory.onSaleAt())).param(timestamp(inventory.startsAt()))
                .param(timestamp(inventory.refundDeadline())).param(inventory.isPublished())
                .param(inventory.eventId())
                .update();
    }

    void insertSection(long eventId, EventInventoryDefined.Section section) {
        jdbc.sql("""
                        INSERT INTO event_sections (event_id, section_id, name, price_cents, first_seat_index, seat_count,
                                                    rows, seats_per_row)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (event_id, section_id) DO NOTHING""")
                .param(eventId).param(section.sectionId()).param(section.name()).param(section.priceCents())
                .param(section.firstSeatIndex()).param(section.seatCount())
                .param(section.rows()).param(section.seatsPerRow())
                .update();
    }

    /**
     * A re-sent section: its current price (holds taken from now on are quoted at it; existing holds keep theirs),
     * its name and its shape (rows, seats per row; the seats themselves never move). A section the event never had is
     * ignored: the inventory is created once.
     */
    void updateSection(long eventId, EventInventoryDefined.Section section) {
        jdbc.sql("""
                        UPDATE event_sections SET price_cents = ?, name = ?, rows = ?, seats_per_row = ?
                        WHERE event_id = ? AND section_id = ?""")
                .param(section.priceCents()).param(section.name()).param(section.rows()).param(section.seatsPerRow())
                .param(eventId).param(section.sectionId())
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

    /**
     * The sale settings as the waiting room sent them last. A message without a presale window keeps the one stored:
     * the waiting room publishes an event's settings from more than one place (the organizer's PUTs, learning the
     * event), so a message read before a presale was set up may arrive after the one that carries it; a presale is
     * only ever replaced by another window, never removed.
     */
    void upsertSaleSettings(long eventId, int holdSeconds, int maxTicketsPerUser, Instant presaleStartsAt,
            Instant presaleEndsAt) {
        jdbc.sql("""
                INSERT INTO sale_settings (event_id, hold_seconds, max_tickets_per_user, presale_starts_at, presale_ends_at)
                VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (event_id) DO UPDATE SET hold_seconds = excluded.hold_seconds,
                    max_tickets_per_user = excluded.max_tickets_per_user,
                    presale_starts_at = coalesce(excluded.presale_starts_at, sale_settings.presale_starts_at),
                    presale_ends_at = coalesce(excluded.presale_ends_at, sale_settings.presale_ends_at),
                    updated_at = now()""")
                .param(eventId).param(holdSeconds).param(maxTicketsPerUser)
                .param(timestamp(presaleStartsAt)).param(timestamp(presaleEndsAt))
                .update();
    }

    public List<Long> eventIds() {
        return jdbc.sql("SELECT event_id FROM event_inventory ORDER BY event_id").query(Long.class).list();
    }

    /** Whether the event is published (empty: booking has no inventory for it). */
    public Optional<Boolean> publishedOf(long eventId) {
        return jdbc.sql("SELECT published FROM event_inventory WHERE event_id = ?").param(eventId).query(Boolean.class)
                .optional();
    }

    /** The events that are DRAFTs (not published): fans are answered as if they did not exist. */
    public List<Long> draftEventIds() {
        return jdbc.sql("SELECT event_id FROM event_inventory WHERE NOT published").query(Long.class).list();
    }

    /**
     * The events fans can buy right now (published, not cancelled, the sale open, the show not started), by the
     * database's clock.
     */
    public List<Long> liveEventIds() {
        return jdbc.sql("""
                        SELECT e.event_id FROM event_inventory e LEFT JOIN sale_settings s ON s.event_id = e.event_id
                        WHERE e.published AND NOT e.cancelled
                          AND (e.on_sale_at IS NULL OR e.on_sale_at <= now()
                               OR (s.presale_starts_at <= now() AND s.presale_ends_at > now()))
                          AND (e.starts_at IS NULL OR e.starts_at > now())
                        ORDER BY e.event_id""")
                .query(Long.class).list();
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
