package io.surge.ticketing.catalog;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Catalog's settings ({@code ticketing.catalog.*}). What {@code @Scheduled} and {@code @KafkaListener} read through
 * placeholders ({@code outbox.pollInterval}, {@code read.knownEventsRefresh}, {@code availability.group}) has no
 * default here: placeholders resolve against the environment, so their one default is in application.yml.
 */
@ConfigurationProperties("ticketing.catalog")
public record CatalogProperties(@DefaultValue Outbox outbox, @DefaultValue Read read,
        @DefaultValue Availability availability) {

    /** The inventory outbox relay ({@code enabled=false}: rows accumulate, e.g. in tests that must not publish). */
    public record Outbox(@DefaultValue("true") boolean enabled, Duration pollInterval, @DefaultValue("100") int batchSize,
            @DefaultValue("10s") Duration sendTimeout) {
    }

    /**
     * The read-path caches. {@code detailsTtl}/{@code seatMapTtl} bound how long another replica may serve a
     * representation after a change (this replica evicts at once); the max-ages are what clients and CDNs get.
     * {@code knownEventsRefresh} is how often the set of existing event ids is re-read (one query), i.e. how long
     * an event another replica created may be answered 404 here.
     */
    public record Read(@DefaultValue("2s") Duration detailsTtl, @DefaultValue("30s") Duration seatMapTtl,
            @DefaultValue("16MB") DataSize detailsCacheSize, @DefaultValue("48MB") DataSize seatMapCacheSize,
            @DefaultValue("1s") Duration detailsMaxAge, @DefaultValue("1h") Duration seatMapMaxAge,
            Duration knownEventsRefresh) {
    }

    /** The consumer of booking's sold-out word ({@code booking.event-availability}). */
    public record Availability(String group) {
    }
}
