package io.surge.ticketing.catalog.read;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import io.surge.ticketing.catalog.CatalogProperties;
import io.surge.ticketing.catalog.event.EventChanged;
import io.surge.ticketing.catalog.event.EventNotFoundException;
import io.surge.ticketing.catalog.event.EventSnapshot;
import io.surge.ticketing.catalog.event.EventSnapshots;
import io.surge.ticketing.catalog.event.EventStatus;

/**
 * The read path's memory: serialized details and seat maps per event, bounded by bytes. The database is only
 * the miss source; a miss is computed once however many requests wait for it (Caffeine loads per key), which
 * is what a cold cache under a surge needs. Only ids that exist ({@link KnownEvents}) are ever looked up: any
 * other id is 404 from memory, without a query or a cache entry. Changes made here evict at commit; other
 * replicas converge within the configured TTL.
 * <p>
 * The lifecycle status moves with the clock (SCHEDULED, ON_SALE, CLOSED) while the event stays the same, so a
 * details entry keeps the event and one rendering per status, and the status is decided per request: a cached entry
 * can never show a status that has passed. A DRAFT is answered 404 like an unknown id; its entries live only
 * {@code details-ttl}, so an event another replica published is shown here within that.
 */
@Component
class ReadModelCache {

    /** A details entry holds the statuses it was shown in; it is weighed as if it held this many renderings. */
    private static final int RENDERINGS_PER_ENTRY = 2;

    private final EventSnapshots snapshots;
    private final KnownEvents known;
    private final Cache<Long, DetailsEntry> details;
    private final Cache<Long, SeatMapEntry> seatMaps;

    ReadModelCache(EventSnapshots snapshots, KnownEvents known, CatalogProperties properties, MeterRegistry meters) {
        this.snapshots = snapshots;
        this.known = known;
        CatalogProperties.Read read = properties.read();
        this.details = Caffeine.newBuilder()
                .maximumWeight(read.detailsCacheSize().toBytes())
                .weigher((Long id, DetailsEntry e) -> e.weight())
                .expireAfterWrite(read.detailsTtl())
                .recordStats()
                .build();
        this.seatMaps = Caffeine.newBuilder()
                .maximumWeight(read.seatMapCacheSize().toBytes())
                .weigher((Long id, SeatMapEntry e) -> e.draft() ? 1 : e.representation().body().length)
                .expireAfter(Expiry.creating((Long id, SeatMapEntry e) ->
                        e.draft() ? read.detailsTtl() : read.seatMapTtl()))
                .recordStats()
                .build();
        CaffeineCacheMetrics.monitor(meters, details, "catalog.event-details");
        CaffeineCacheMetrics.monitor(meters, seatMaps, "catalog.seat-maps");
    }

    /** The details as they are at {@code now}; 404 for an unknown id or a DRAFT. */
    Representation details(long eventId, Instant now) {
        requireKnown(eventId);
        return details.get(eventId, id -> new DetailsEntry(find(id), now)).at(now);
    }

    /** The seat map; 404 for an unknown id or a DRAFT. */
    Representation seatMap(long eventId) {
        requireKnown(eventId);
        SeatMapEntry entry = seatMaps.get(eventId, id -> {
            EventSnapshot event = find(id);
            return event.draft() ? new SeatMapEntry(true, null) : new SeatMapEntry(false, Renderers.seatMap(event));
        });
        if (entry.draft()) {
            throw new EventNotFoundException(eventId);
        }
        return entry.representation();
    }

    private void requireKnown(long eventId) {
        if (!known.contains(eventId)) {
            throw new EventNotFoundException(eventId);
        }
    }

    private EventSnapshot find(long eventId) {
        return snapshots.find(eventId).orElseThrow(() -> new EventNotFoundException(eventId));
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void evict(EventChanged changed) {
        details.invalidate(changed.event().id());
        seatMaps.invalidate(changed.event().id());
    }

    private record SeatMapEntry(boolean draft, Representation representation) {
    }

    /** One version of an event and its details rendered in each status it has been shown in so far (one or two). */
    private static final class DetailsEntry {

        private final EventSnapshot event;
        private final Map<EventStatus, Representation> renderings = new ConcurrentHashMap<>(4);
        private final int weight;

        DetailsEntry(EventSnapshot event, Instant now) {
            this.event = event;
            this.weight = event.draft() ? 64 : RENDERINGS_PER_ENTRY * render(event.statusAt(now)).body().length;
        }

        Representation at(Instant now) {
            if (event.draft()) {
                throw new EventNotFoundException(event.id());
            }
            return render(event.statusAt(now));
        }

        private Representation render(EventStatus status) {
            return renderings.computeIfAbsent(status, s -> Renderers.details(event, s));
        }

        int weight() {
            return weight;
        }
    }
}
