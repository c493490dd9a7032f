package io.surge.ticketing.cdc.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class ChangeMapperUnitTests {

    private static String envelope(String op, String before, String after) {
        return "{\"before\":" + before + ",\"after\":" + after + ",\"source\":{\"ts_ms\":1700000000000},\"op\":\"" + op
                + "\",\"ts_ms\":1700000000100}";
    }

    private static String row(long id, long version, boolean searchable) {
        return "{\"event_id\":" + id + ",\"version\":" + version + ",\"searchable\":" + searchable
                + ",\"document\":\"{\\\"event_id\\\":" + id + "}\",\"updated_at\":\"2026-11-28T00:00:00Z\"}";
    }

    @Test
    void aSearchableRowBecomesAnUpsertOfItsDocumentAtItsVersion() {
        assertThat(ChangeMapper.map(envelope("u", "null", row(7, 3, true))))
                .contains(new IndexAction.Upsert(7, 3, "{\"event_id\":7}", 1700000000000L));
        assertThat(ChangeMapper.map(envelope("r", "null", row(8, 1, true)))).get()
                .isInstanceOf(IndexAction.Upsert.class);
    }

    @Test
    void aCancelledRowBecomesAVersionedDeleteAndADeletedRowAPlainDelete() {
        assertThat(ChangeMapper.map(envelope("u", "null", row(7, 4, false))))
                .contains(new IndexAction.Delete(7, 4L, 1700000000000L));
        assertThat(ChangeMapper.map(envelope("d", "{\"event_id\":7}", "null")))
                .contains(new IndexAction.Delete(7, null, 1700000000000L));
    }

    @Test
    void snapshotReadsAreToldApartFromStreamedChanges() {
        assertThat(ChangeMapper.isSnapshotRead(envelope("r", "null", row(8, 1, true)))).isTrue();
        assertThat(ChangeMapper.isSnapshotRead(envelope("u", "null", row(8, 1, true)))).isFalse();
        assertThat(ChangeMapper.isSnapshotRead(null)).isFalse();
    }

    @Test
    void recordsWithoutARowAreIgnored() {
        assertThat(ChangeMapper.map(null)).isEmpty();
        assertThat(ChangeMapper.map("{\"ts_ms\":1}")).isEmpty();
    }

    @Test
    void onlyTheLastChangeOfEachEventInABatchIsKept() {
        List<IndexAction> actions = List.of(new IndexAction.Upsert(1, 1, "a", 0), new IndexAction.Upsert(2, 1, "b", 0),
                new IndexAction.Upsert(1, 2, "c", 0), new IndexAction.Delete(2, 2L, 0));

        assertThat(ChangeMapper.lastPerEvent(actions)).containsExactly(new IndexAction.Upsert(1, 2, "c", 0),
                new IndexAction.Delete(2, 2L, 0));
    }

    @Test
    void bulkItemsCarryTheEventVersionAsAnExternalVersion() {
        String body = BulkWriter.bulkBody("events", List.of(new IndexAction.Upsert(1, 5, "{\"x\":1}", 0),
                new IndexAction.Delete(2, null, 0)));

        assertThat(body.split("\n")).containsExactly(
                "{\"index\":{\"_index\":\"events\",\"_id\":\"1\",\"version\":5,\"version_type\":\"external\"}}",
                "{\"x\":1}",
                "{\"delete\":{\"_index\":\"events\",\"_id\":\"2\"}}");
    }
}
