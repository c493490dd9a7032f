package io.surge.ticketing.search.query;

import java.time.DateTimeException;
import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * An event as the CDC connector indexes it (the `_source` of a hit, catalog's {@code SearchDocument}). Read by the
 * Elasticsearch client's own JSON mapper, so it names only the shared Jackson annotations; instants are kept as the
 * indexed ISO-8601 text. {@code status} is the catalog's stored state and {@code sold_out} booking's last word; a
 * document indexed before they existed reads as published and not sold out.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record IndexedEvent(
        @JsonProperty("event_id") long eventId,
        @JsonProperty("name") String name,
        @JsonProperty("performer") String performer,
        @JsonProperty("venue") String venue,
        @JsonProperty("city") String city,
        @JsonProperty("category") String category,
        @JsonProperty("starts_at") String startsAt,
        @JsonProperty("on_sale_at") String onSaleAt,
        @JsonProperty("min_price_cents") long minPriceCents,
        @JsonProperty("status") String status,
        @JsonProperty("sold_out") boolean soldOut) {

    /** The result as it is at {@code now}: the lifecycle status is decided here, not when the event was indexed. */
    SearchPage.Result toResult(Instant now) {
        Instant starts = instant(startsAt);
        Instant onSale = instant(onSaleAt);
        return new SearchPage.Result(eventId, name, performer, venue, city, category, starts, onSale, minPriceCents,
                LifecycleStatus.of(status, soldOut, onSale, starts, now).name());
    }

    // a date the mapping accepts but an Instant cannot (a bare date, epoch millis) is answered as null rather than
    // failing the whole page
    private static Instant instant(String iso) {
        try {
            return iso == null ? null : Instant.parse(iso);
        } catch (DateTimeException e) {
            return null;
        }
    }
}
