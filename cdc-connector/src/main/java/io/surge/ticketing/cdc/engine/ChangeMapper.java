package io.surge.ticketing.cdc.engine;

import java.io.IOException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Turns Debezium change events of {@code event_search} (JSON envelopes, schemas disabled) into index actions:
 * a searchable row is an upsert of its document, a non-searchable (cancelled, or a draft) or deleted row a delete.
 */
final class ChangeMapper {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ChangeMapper() {
    }

    /** Empty for records that carry no row (tombstones, heartbeats, schema changes). */
    static Optional<IndexAction> map(String envelopeJson) {
        if (envelopeJson == null || envelopeJson.isEmpty()) {
            return Optional.empty();
        }
        JsonNode envelope;
        try {
            envelope = JSON.readTree(envelopeJson);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("not a Debezium JSON envelope: " + envelopeJson, e);
        }
        JsonNode op = envelope.get("op");
        if (op == null) {
            return Optional.empty();
        }
        long committedAt = envelope.path("source").path("ts_ms").asLong(0);
        JsonNode after = envelope.get("after");
        if ("d".equals(op.asString()) || after == null || after.isNull()) {
            JsonNode before = envelope.get("before");
            if (before == null || before.isNull() || !before.has("event_id")) {
                return Optional.empty();
            }
            return Optional.of(new IndexAction.Delete(before.get("event_id").asLong(), null, committedAt));
        }
        long eventId = after.get("event_id").asLong();
        long version = after.get("version").asLong();
        if (!after.path("searchable").asBoolean(true)) {
            return Optional.of(new IndexAction.Delete(eventId, version, committedAt));
        }
        return Optional.of(new IndexAction.Upsert(eventId, version, after.get("document").asString(), committedAt));
    }

    /** True for rows read by a snapshot (op "r"), as opposed to changes streamed from the WAL. */
    static boolean isSnapshotRead(String envelopeJson) {
        if (envelopeJson == null || envelopeJson.isEmpty()) {
            return false;
        }
        try {
            return "r".equals(JSON.readTree(envelopeJson).path("op").asString());
        } catch (JacksonException e) {
            return false;
        }
    }

    /**
     * Only the last change of each event in a batch matters (versions only grow), so a burst of updates to one
     * event becomes one bulk item.
     */
    static Collection<IndexAction> lastPerEvent(List<IndexAction> actions) {
        Map<Long, IndexAction> last = new LinkedHashMap<>();
        for (IndexAction action : actions) {
            last.remove(action.eventId());
            last.put(action.eventId(), action);
        }
        return last.values();
    }
}
