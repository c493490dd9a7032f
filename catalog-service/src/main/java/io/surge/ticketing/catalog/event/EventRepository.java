package io.surge.ticketing.catalog.event;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Writes of the event aggregate (event row, performer, price tiers). */
@Repository
class EventRepository {

    private final JdbcClient jdbc;

    EventRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The fields a change is checked against, read with the row locked so concurrent changes serialize. */
    record Current(long id, long venueId, String status, Instant startsAt, Instant onSaleAt) {
    }

    long performerId(String name) {
        // DO UPDATE (not DO NOTHING) so RETURNING yields the id of an existing performer too
        return jdbc.sql("""
                INSERT INTO performer (name) VALUES (:name)
                ON CONFLICT (name) DO UPDATE SET name = excluded.name
                RETURNING id""")
                .param("name", name).query(Long.class).single();
    }

    long insertEvent(String name, long performerId, String category, long venueId, Instant startsAt, Instant onSaleAt) {
        return jdbc.sql("""
                INSERT INTO event (name, performer_id, category, venue_id, starts_at, on_sale_at)
                VALUES (:name, :performer, :category, :venue, :startsAt, :onSaleAt)
                RETURNING id""")
                .param("name", name).param("performer", performerId).param("category", category)
                .param("venue", venueId).param("startsAt", Timestamp.from(startsAt))
                .param("onSaleAt", Timestamp.from(onSaleAt))
                .query(Long.class).single();
    }

    Optional<Current> lockForUpdate(long eventId) {
        return jdbc.sql("SELECT id, venue_id, status, starts_at, on_sale_at FROM event WHERE id = :id FOR UPDATE")
                .param("id", eventId)
                .query((rs, i) -> new Current(rs.getLong("id"), rs.getLong("venue_id"), rs.getString("status"),
                        rs.getTimestamp("starts_at").toInstant(), rs.getTimestamp("on_sale_at").toInstant()))
                .optional();
    }

    void update(long eventId, String name, Long performerId, String category, Instant startsAt, Instant onSaleAt) {
        jdbc.sql("""
                UPDATE event SET name = coalesce(:name, name),
                                 performer_id = coalesce(:performer, performer_id),
                                 category = coalesce(:category, category),
                                 starts_at = :startsAt,
                                 on_sale_at = :onSaleAt,
                                 version = version + 1,
                                 updated_at = now()
                WHERE id = :id""")
                .param("id", eventId).param("name", name).param("performer", performerId)
                .param("category", category).param("startsAt", Timestamp.from(startsAt))
                .param("onSaleAt", Timestamp.from(onSaleAt))
                .update();
    }

    void cancel(long eventId) {
        jdbc.sql("UPDATE event SET status = 'CANCELLED', version = version + 1, updated_at = now() WHERE id = :id")
                .param("id", eventId).update();
    }

    void replacePrices(long eventId, Map<Long, Long> priceBySection) {
        jdbc.sql("DELETE FROM price_tier WHERE event_id = :id").param("id", eventId).update();
        priceBySection.forEach((section, price) -> jdbc.sql("""
                INSERT INTO price_tier (event_id, section_id, price_cents) VALUES (:event, :section, :price)""")
                .param("event", eventId).param("section", section).param("price", price)
                .update());
    }
}
