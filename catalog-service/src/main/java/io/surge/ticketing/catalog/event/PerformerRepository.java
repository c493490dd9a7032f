package io.surge.ticketing.catalog.event;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Performers are matched by name. One upsert statement, because two events naming a new performer at once must
 * end with one row: a JPA "find, else save" would let both insert and one fail on the unique name.
 */
@Repository
class PerformerRepository {

    private final JdbcClient jdbc;

    PerformerRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long idOfInsertingIfAbsent(String name) {
        // DO UPDATE (not DO NOTHING) so RETURNING yields the id of an existing performer too
        return jdbc.sql("""
                INSERT INTO performer (name) VALUES (:name)
                ON CONFLICT (name) DO UPDATE SET name = excluded.name
                RETURNING id""")
                .param("name", name).query(Long.class).single();
    }
}
