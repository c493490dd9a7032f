package io.surge.ticketing.catalog.search;

import java.time.Instant;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

import io.surge.ticketing.catalog.event.EventSnapshot;

/**
 * The exact Elasticsearch document of an event (snake_case, the field names of the search API's results).
 * Built here, where the data lives, so the connector only copies it and search only reads it.
 * <p>
 * {@code status} is the organizer's state (PUBLISHED; DRAFT and CANCELLED rows are not searchable). The status a
 * search result shows (SCHEDULED, ON_SALE, SOLD_OUT, CLOSED) is computed by search-service at query time from
 * {@code on_sale_at}, {@code starts_at} and {@code sold_out}, so the clock needs no reindex; a sold-out flip bumps
 * the version and rewrites the document.
 */
record SearchDocument(long eventId, String name, String performer, String venue, long venueId, String city,
        String country, String category, String status, Instant startsAt, Instant onSaleAt, Instant refundDeadline,
        boolean soldOut, long minPriceCents, int seatCount, long version) {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .build();

    static SearchDocument of(EventSnapshot e) {
        return new SearchDocument(e.id(), e.name(), e.performer(), e.venue().name(), e.venue().id(), e.venue().city(),
                e.venue().country(), e.category(), e.state(), e.startsAt(), e.onSaleAt(), e.refundDeadline(),
                e.soldOut(), e.minPriceCents(), e.layout().seatCount(), e.version());
    }

    /**
     * Only published events are searchable: a DRAFT is not until published, a cancelled event leaves the index (the
     * connector deletes the document of a non-searchable row).
     */
    boolean searchable() {
        return EventSnapshot.PUBLISHED.equals(status);
    }

    String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JacksonException e) {
            throw new IllegalStateException(e);
        }
    }
}
