package io.surge.ticketing.catalog.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import io.surge.ticketing.catalog.event.EventSnapshot;

class SearchDocumentUnitTests {

    private static EventSnapshot event(String state, boolean soldOut) {
        return new EventSnapshot(9, "Eras Night", "Taylor Swift", "concert", state,
                Instant.parse("2030-01-01T20:00:00Z"), Instant.parse("2029-12-01T10:00:00Z"),
                Instant.parse("2029-12-24T00:00:00Z"), !EventSnapshot.DRAFT.equals(state), soldOut, 4,
                new EventSnapshot.Venue(3, "Small Hall", "Austin", "US"),
                List.of(new EventSnapshot.Section(1, "A", 2, 3, false, 5000),
                        new EventSnapshot.Section(2, "Floor", 1, 4, true, 3000)));
    }

    @Test
    void holdsTheSearchResultFieldsInSnakeCaseWithTheCheapestPrice() throws Exception {
        JsonNode doc = new ObjectMapper().readTree(SearchDocument.of(event(EventSnapshot.PUBLISHED, false)).toJson());

        assertThat(doc.get("event_id").asLong()).isEqualTo(9);
        assertThat(doc.get("performer").asString()).isEqualTo("Taylor Swift");
        assertThat(doc.get("venue").asString()).isEqualTo("Small Hall");
        assertThat(doc.get("city").asString()).isEqualTo("Austin");
        assertThat(doc.get("starts_at").asString()).isEqualTo("2030-01-01T20:00:00Z");
        assertThat(doc.get("on_sale_at").asString()).isEqualTo("2029-12-01T10:00:00Z");
        assertThat(doc.get("min_price_cents").asLong()).isEqualTo(3000);
        assertThat(doc.get("seat_count").asInt()).isEqualTo(10);
        assertThat(doc.get("version").asLong()).isEqualTo(4);
    }

    /** search-service decides SCHEDULED, ON_SALE, SOLD_OUT and CLOSED from these at query time. */
    @Test
    void carriesWhatSearchNeedsToComputeTheLifecycleStatus() throws Exception {
        JsonNode doc = new ObjectMapper().readTree(SearchDocument.of(event(EventSnapshot.PUBLISHED, true)).toJson());

        assertThat(doc.get("status").asString()).isEqualTo("PUBLISHED");
        assertThat(doc.get("sold_out").asBoolean()).isTrue();
        assertThat(doc.get("refund_deadline").asString()).isEqualTo("2029-12-24T00:00:00Z");
    }

    @Test
    void onlyPublishedEventsAreSearchableNeverADraftOrACancelledOne() {
        assertThat(SearchDocument.of(event(EventSnapshot.PUBLISHED, false)).searchable()).isTrue();
        assertThat(SearchDocument.of(event(EventSnapshot.PUBLISHED, true)).searchable()).isTrue();
        assertThat(SearchDocument.of(event(EventSnapshot.DRAFT, false)).searchable()).isFalse();
        assertThat(SearchDocument.of(event(EventSnapshot.CANCELLED, false)).searchable()).isFalse();
    }
}
