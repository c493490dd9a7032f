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
 * is what a cold cache under a surge needs. Changes made here evict at commit; other replicas converge
 * within the configured TTL.
 */
@Component
class ReadModelCache {

    private final EventSnapshots snapshots;
    private final Cache<Long, Representation> details;
    private final Cache<Long, Representation> seatMaps;
    /** Ids known not to exist, briefly: a flood of made-up ids must not turn into a flood of DB queries. */
    private final Cache<Long, Boolean> missing;

    ReadModelCache(EventSnapshots snapshots, CatalogProperties properties, MeterRegistry meters) {
        this.snapshots = snapshots;
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
        this.missing = Caffeine.newBuilder().maximumSize(100_000).expireAfterWrite(read.detailsTtl()).build();
        CaffeineCacheMetrics.monitor(meters, details, "catalog.event-details");
        CaffeineCacheMetrics.monitor(meters, seatMaps, "catalog.seat-maps");
    }

    Representation details(long eventId) {
        return details.get(eventId, load(eventId, Renderers::details));
    }

    Representation seatMap(long eventId) {
        return seatMaps.get(eventId, load(eventId, Renderers::seatMap));
    }

    private Function<Long, Representation> load(long eventId,
            Function<io.surge.ticketing.catalog.event.EventSnapshot, Representation> renderer) {
        return id -> {
            if (missing.getIfPresent(id) != null) {
                throw new EventNotFoundException(eventId);
            }
            return renderer.apply(snapshots.find(id).orElseThrow(() -> {
                missing.put(id, Boolean.TRUE);
                return new EventNotFoundException(eventId);
            }));
        };
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void evict(EventChanged changed) {
        missing.invalidate(changed.event().id());
        details.invalidate(changed.event().id());
        seatMaps.invalidate(changed.event().id());
    }
}
