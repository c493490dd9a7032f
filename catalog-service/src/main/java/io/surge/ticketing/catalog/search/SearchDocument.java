package io.surge.ticketing.catalog.search;

import java.time.Instant;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import io.surge.ticketing.catalog.event.EventSnapshot;

/**
 * The exact Elasticsearch document of an event (snake_case, the field names of the search API's results).
 * Built here, where the data lives, so the connector only copies it and search only reads it.
 */
record SearchDocument(long eventId, String name, String performer, String venue, long venueId, String city,
        String country, String category, String status, Instant startsAt, Instant onSaleAt, long minPriceCents,
        int seatCount, long version) {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
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
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
