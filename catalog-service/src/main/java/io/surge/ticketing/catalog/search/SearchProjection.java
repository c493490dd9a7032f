package io.surge.ticketing.catalog.search;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.surge.ticketing.catalog.event.EventChanged;

/**
 * Keeps {@code event_search} (one row per event, the search document) in step with the catalog, inside the
 * transaction of the change. cdc-connector streams this one table from the WAL, so a committed change always
 * reaches the index and an uncommitted one never does. The version guard keeps a row from going backwards.
 */
@Component
class SearchProjection {

    private final JdbcClient jdbc;

    SearchProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void on(EventChanged changed) {
        SearchDocument document = SearchDocument.of(changed.event());
        jdbc.sql("""
                INSERT INTO event_search (event_id, version, searchable, document, updated_at)
                VALUES (:id, :version, :searchable, :document, now())
                ON CONFLICT (event_id) DO UPDATE
                SET version = excluded.version, searchable = excluded.searchable, document = excluded.document,
                    updated_at = now()
                WHERE event_search.version < excluded.version""")
                .param("id", document.eventId()).param("version", document.version())
                .param("searchable", document.searchable()).param("document", document.toJson())
                .update();
    }
}
