package io.surge.ticketing.catalog.event;

import java.sql.Timestamp;
import java.sql.Types;
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

    /**
     * The fields a change is checked against, read with the row locked so concurrent changes serialize.
     * {@code refundDeadline} is the one the organizer set, null when it follows {@code startsAt}.
     */
    record Current(long id, long venueId, String state, Instant startsAt, Instant onSaleAt, Instant refundDeadline) {

        Instant effectiveRefundDeadline() {
            return refundDeadline != null ? refundDeadline : startsAt;
        }
    }

    long performerId(String name) {
        // DO UPDATE (not DO NOTHING) so RETURNING yields the id of an existing performer too
        return jdbc.sql("""
                INSERT INTO performer (name) VALUES (:name)
                ON CONFLICT (name) DO UPDATE SET name = excluded.name
                RETURNING id""")
                .param("name", name).query(Long.class).single();
    }

    /** A published event ({@code publish}) or a DRAFT; a null {@code refundDeadline} follows {@code startsAt}. */
    long insertEvent(String name, long performerId, String category, long venueId, Instant startsAt, Instant onSaleAt,
            Instant refundDeadline, boolean publish) {
        return jdbc.sql("""
                INSERT INTO event (name, performer_id, category, venue_id, starts_at, on_sale_at, refund_deadline,
                                   status, published_at)
                VALUES (:name, :performer, :category, :venue, :startsAt, :onSaleAt, :refundDeadline,
                        :state, CASE WHEN :publish THEN now() END)
                RETURNING id""")
                .param("name", name).param("performer", performerId).param("category", category)
                .param("venue", venueId).param("startsAt", Timestamp.from(startsAt))
                .param("onSaleAt", Timestamp.from(onSaleAt))
                .param("refundDeadline", timestamp(refundDeadline), Types.TIMESTAMP)
                .param("state", publish ? EventSnapshot.PUBLISHED : EventSnapshot.DRAFT).param("publish", publish)
                .query(Long.class).single();
    }

    Optional<Current> lockForUpdate(long eventId) {
        return jdbc.sql("""
                SELECT id, venue_id, status, starts_at, on_sale_at, refund_deadline FROM event WHERE id = :id
                FOR UPDATE""")
                .param("id", eventId)
                .query((rs, i) -> new Current(rs.getLong("id"), rs.getLong("venue_id"), rs.getString("status"),
                        rs.getTimestamp("starts_at").toInstant(), rs.getTimestamp("on_sale_at").toInstant(),
                        instant(rs.getTimestamp("refund_deadline"))))
                .optional();
    }

    void update(long eventId, String name, Long performerId, String category, Instant startsAt, Instant onSaleAt,
            Instant refundDeadline) {
        jdbc.sql("""
                UPDATE event SET name = coalesce(:name, name),
                                 performer_id = coalesce(:performer, performer_id),
                                 category = coalesce(:category, category),
                                 starts_at = :startsAt,
                                 on_sale_at = :onSaleAt,
                                 refund_deadline = :refundDeadline,
                                 version = version + 1,
                                 updated_at = now()
                WHERE id = :id""")
                .param("id", eventId).param("name", name).param("performer", performerId)
                .param("category", category).param("startsAt", Timestamp.from(startsAt))
                .param("onSaleAt", Timestamp.from(onSaleAt))
                .param("refundDeadline", timestamp(refundDeadline), Types.TIMESTAMP)
                .update();
    }

    /** DRAFT -> PUBLISHED (the caller holds the row lock and checked it is a draft). */
    void publish(long eventId) {
        jdbc.sql("""
                UPDATE event SET status = 'PUBLISHED', published_at = now(), version = version + 1, updated_at = now()
                WHERE id = :id AND status = 'DRAFT'""")
                .param("id", eventId).update();
    }

    void cancel(long eventId) {
        jdbc.sql("UPDATE event SET status = 'CANCELLED', version = version + 1, updated_at = now() WHERE id = :id")
                .param("id", eventId).update();
    }

    private static Timestamp timestamp(Instant instant) {
        return instant != null ? Timestamp.from(instant) : null;
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp != null ? timestamp.toInstant() : null;
    }

    void replacePrices(long eventId, Map<Long, Long> priceBySection) {
        jdbc.sql("DELETE FROM price_tier WHERE event_id = :id").param("id", eventId).update();
        priceBySection.forEach((section, price) -> jdbc.sql("""
                INSERT INTO price_tier (event_id, section_id, price_cents) VALUES (:event, :section, :price)""")
                .param("event", eventId).param("section", section).param("price", price)
                .update());
    }
}
