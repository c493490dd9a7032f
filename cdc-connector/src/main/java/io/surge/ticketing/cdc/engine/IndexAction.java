package io.surge.ticketing.cdc.engine;

/**
 * What one change of {@code event_search} means for the index. Versions are the catalog's event version and
 * are written as Elasticsearch external versions, so a replayed or late older change can never overwrite a
 * newer document: replays after a crash are harmless.
 */
sealed interface IndexAction {

    long eventId();

    /** Commit time of the change in Postgres (epoch ms), for the end-to-end latency metric; 0 if unknown. */
    long committedAtMs();

    record Upsert(long eventId, long version, String document, long committedAtMs) implements IndexAction {
    }

    /** {@code version} is null for a deleted row (only its key is in the WAL). */
    record Delete(long eventId, Long version, long committedAtMs) implements IndexAction {
    }
}
