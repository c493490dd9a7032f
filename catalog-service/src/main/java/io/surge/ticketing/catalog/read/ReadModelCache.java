package io.surge.ticketing.catalog.read;

import java.util.function.Function;

import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import io.surge.ticketing.catalog.CatalogProperties;
import io.surge.ticketing.catalog.event.EventChanged;
import io.surge.ticketing.catalog.event.EventNotFoundException;
import io.surge.ticketing.catalog.event.EventSnapshots;

/**
 * The read path's memory: serialized details and seat maps per event, bounded by bytes. The database is only
 * the miss source; a miss is computed once however many requests wait for it (Caffeine loads per key), which
 * is what a cold cache under a surge needs. Only ids that exist ({@link KnownEvents}) are ever looked up: any
 * other id is 404 from memory, without a query or a cache entry. Changes made here evict at commit; other
 * replicas converge within the configured TTL.
 */
@Component
class ReadModelCache {

    private final EventSnapshots snapshots;
    private final KnownEvents known;
    private final Cache<Long, Representation> details;
    private final Cache<Long, Representation> seatMaps;

    ReadModelCache(EventSnapshots snapshots, KnownEvents known, CatalogProperties properties, MeterRegistry meters) {
        this.snapshots = snapshots;
        this.known = known;
        CatalogProperties.Read read = properties.read();
        this.details = Caffeine.newBuilder()
                .maximumWeight(read.detailsCacheSize().toBytes())
                .weigher((Long id, Representation r) -> r.body().length)
                .expireAfterWrite(read.detailsTtl())
                .recordStats()
                .build();
        this.seatMaps = Caffeine.newBuilder()
                .maximumWeight(read.seatMapCacheSize().toBytes())
                .weigher((Long id, Representation r) -> r.body().length)
                .expireAfterWrite(read.seatMapTtl())
                .recordStats()
                .build();
        CaffeineCacheMetrics.monitor(meters, details, "catalog.event-details");
        CaffeineCacheMetrics.monitor(meters, seatMaps, "catalog.seat-maps");
    }

    Representation details(long eventId) {
        requireKnown(eventId);
        return details.get(eventId, load(eventId, Renderers::details));
    }

    Representation seatMap(long eventId) {
        requireKnown(eventId);
        return seatMaps.get(eventId, load(eventId, Renderers::seatMap));
    }

    private void requireKnown(long eventId) {
        if (!known.contains(eventId)) {
            throw new EventNotFoundException(eventId);
        }
    }

    private Function<Long, Representation> load(long eventId,
            Function<io.surge.ticketing.catalog.event.EventSnapshot, Representation> renderer) {
        return id -> renderer.apply(snapshots.find(id).orElseThrow(() -> new EventNotFoundException(eventId)));
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void evict(EventChanged changed) {
        details.invalidate(changed.event().id());
        seatMaps.invalidate(changed.event().id());
    }
}
