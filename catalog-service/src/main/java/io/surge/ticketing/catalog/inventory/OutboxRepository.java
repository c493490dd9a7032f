package io.surge.ticketing.catalog.inventory;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class OutboxRepository {

    private final JdbcClient jdbc;

    OutboxRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record OutboxRow(long id, String topic, String key, String type, String payload) {
    }

    void append(String topic, String key, String type, String payload) {
        jdbc.sql("INSERT INTO outbox (topic, message_key, type, payload) VALUES (:topic, :key, :type, :payload)")
                .param("topic", topic).param("key", key).param("type", type).param("payload", payload)
                .update();
    }

    /**
     * Claims up to {@code limit} rows, skipping rows another relay holds (several replicas run this). Only the
     * oldest row of each key qualifies: a newer row of a key whose older row is still there (published or
     * locked elsewhere) waits, so one event's messages reach Kafka in commit order whatever the replica count.
     */
    List<OutboxRow> claimOldestPerKeyForUpdateSkipLocked(int limit) {
        return jdbc.sql("""
                SELECT o.id, o.topic, o.message_key, o.type, o.payload
                FROM outbox o
                WHERE NOT EXISTS (SELECT 1 FROM outbox older WHERE older.message_key = o.message_key AND older.id < o.id)
                ORDER BY o.id
                LIMIT :limit
                FOR UPDATE SKIP LOCKED""")
                .param("limit", limit)
                .query((rs, i) -> new OutboxRow(rs.getLong("id"), rs.getString("topic"), rs.getString("message_key"),
                        rs.getString("type"), rs.getString("payload")))
                .list();
    }

    void delete(List<Long> ids) {
        jdbc.sql("DELETE FROM outbox WHERE id IN (:ids)").param("ids", ids).update();
    }

    long pending() {
        return jdbc.sql("SELECT count(*) FROM outbox").query(Long.class).single();
    }
}
