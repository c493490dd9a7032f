package io.surge.ticketing.waitingroom.settings;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;

import io.surge.ticketing.contracts.ErrorCode;
import io.surge.ticketing.platform.web.DomainException;
import io.surge.ticketing.platform.web.PlatformProblemHandler;

/**
 * The waiting room hears of events through Kafka, a moment after the catalog created them; an admin who configures
 * the line right after creating the event, or a fan who joins in that moment, must not get a 404 for an event that
 * exists. For an event it does not know, it asks the catalog ({@link CatalogClient}) and learns what the catalog
 * answers exactly as if the definition had come through Kafka. 404 only when the catalog says so; a catalog that
 * cannot answer is a 503 with {@code Retry-After}.
 */
@Component
public class EventLookup {

    private static final Logger log = LoggerFactory.getLogger(EventLookup.class);
    private static final int RETRY_AFTER_SECONDS = 2;

    private final SettingsStore store;
    private final CatalogClient catalog;
    private final SettingsPublisher publisher;
    /** Fans naming an unknown event: at most one catalog call per event per moment on this instance. */
    private final LoadingCache<Long, Boolean> fanLookups;

    EventLookup(SettingsStore store, CatalogClient catalog, SettingsPublisher publisher) {
        this.store = store;
        this.catalog = catalog;
        this.publisher = publisher;
        this.fanLookups = Caffeine.newBuilder()
                .maximumSize(10_000)
                .expireAfterWrite(Duration.ofSeconds(2))
                .build(this::learnFromCatalog);
    }

    /**
     * The settings of an event, learned from the catalog when the waiting room has not heard of it yet (admins).
     * While the settings are being restored after Redis lost its data, an unknown event is a 503: learning it now
     * would put the defaults where the restored settings are about to go.
     */
    public Optional<SaleSettings> settings(long eventId) {
        Optional<SaleSettings> known = store.find(eventId);
        if (known.isPresent()) {
            return known;
        }
        if (store.recovering()) {
            throw unavailable("the waiting room's settings are being restored; retry in a moment");
        }
        return learnFromCatalog(eventId) ? store.find(eventId) : Optional.empty();
    }

    /**
     * A fan named an event the waiting room does not know: learns it from the catalog if it exists. Concurrent
     * and repeated calls for one event share one catalog call for a couple of seconds, so made-up event ids cannot
     * turn into a flood on the catalog. @return true when the event is known now (the fan's call may be run again)
     */
    public boolean learnForFan(long eventId) {
        if (store.knows(eventId)) {
            return false; // known but not visible to fans (a DRAFT): asking the catalog would change nothing
        }
        return fanLookups.get(eventId);
    }

    private boolean learnFromCatalog(long eventId) {
        Optional<CatalogClient.CatalogEvent> event;
        try {
            event = catalog.find(eventId);
        } catch (CatalogClient.CatalogUnavailableException e) {
            log.warn("{}", e.getMessage());
            throw unavailable("the catalog cannot tell about event " + eventId + " now; retry in a moment");
        }
        if (event.isEmpty()) {
            return false;
        }
        if (store.learnIfNew(eventId, event.get().lifecycle())) {
            // booking learns the settings as it would have from the definition in Kafka
            store.find(eventId).ifPresent(publisher::publish);
            log.info("waiting room of event {} set up from the catalog (not in Kafka yet): sale at {}", eventId,
                    event.get().onSaleAt());
        }
        return true;
    }

    private static DomainException unavailable(String detail) {
        return new DomainException(HttpStatus.SERVICE_UNAVAILABLE, ErrorCode.SERVICE_UNAVAILABLE, detail,
                Map.of(PlatformProblemHandler.RETRY_AFTER_PROPERTY, RETRY_AFTER_SECONDS));
    }
}
