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
 */
record SearchDocument(long eventId, String name, String performer, String venue, long venueId, String city,
        String country, String category, String status, Instant startsAt, Instant onSaleAt, long minPriceCents,
        int seatCount, long version) {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .build();

    static SearchDocument of(EventSnapshot e) {
        return new SearchDocument(e.id(), e.name(), e.performer(), e.venue().name(), e.venue().id(), e.venue().city(),
                e.venue().country(), e.category(), e.status(), e.startsAt(), e.onSaleAt(), e.minPriceCents(),
                e.layout().seatCount(), e.version());
    }

    /** Cancelled events leave the index: the connector deletes the document of a non-searchable row. */
    boolean searchable() {
        return !EventSnapshot.CANCELLED.equals(status);
    }

    String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JacksonException e) {
            throw new IllegalStateException(e);
        }
    }
}
