package io.surge.ticketing.catalog.internal;

import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** One primary-key read of the event row: no venue, performer or prices. */
@Repository
class InternalEventRepository {

    private final JdbcClient jdbc;

    InternalEventRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<InternalEventView> find(long eventId) {
        return jdbc.sql("""
                SELECT id, on_sale_at, starts_at, coalesce(refund_deadline, starts_at) AS refund_deadline,
                       published_at IS NOT NULL AS published, status = 'CANCELLED' AS cancelled
                FROM event WHERE id = :id""")
                .param("id", eventId)
                .query((rs, i) -> new InternalEventView(rs.getLong("id"), rs.getTimestamp("on_sale_at").toInstant(),
                        rs.getTimestamp("starts_at").toInstant(), rs.getTimestamp("refund_deadline").toInstant(),
                        rs.getBoolean("published"), rs.getBoolean("cancelled")))
                .optional();
    }
}
