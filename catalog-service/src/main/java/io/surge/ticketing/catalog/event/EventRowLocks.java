package io.surge.ticketing.catalog.event;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The lock every change of an event takes first, as explicit SQL: admin changes and booking's sold-out counts
 * ({@code availability}) of one event apply one after the other.
 */
@Repository
class EventRowLocks {

    private final JdbcClient jdbc;

    EventRowLocks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Locks the event row until the transaction ends; false when there is no such event. */
    boolean lockForUpdate(long eventId) {
        return jdbc.sql("SELECT id FROM event WHERE id = :id FOR UPDATE")
                .param("id", eventId).query(Long.class).optional().isPresent();
    }
}
