package io.surge.ticketing.catalog.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.atMost;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.http.HttpStatus;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.surge.ticketing.catalog.CatalogProperties;
import io.surge.ticketing.catalog.event.EventChanged;
import io.surge.ticketing.catalog.event.EventNotFoundException;
import io.surge.ticketing.catalog.event.EventSnapshot;
import io.surge.ticketing.catalog.event.EventSnapshots;
import io.surge.ticketing.contracts.ErrorCode;

/** The public reads ask the database only about events that exist, and never show a status that has passed. */
class ReadModelCacheUnitTests {

    static final Instant ON_SALE_AT = Instant.parse("2030-03-01T10:00:00Z");
    static final Instant STARTS_AT = Instant.parse("2030-04-01T20:00:00Z");

    private final EventSnapshots snapshots = mock(EventSnapshots.class);
    private final CatalogProperties properties = new Binder(new MapConfigurationPropertySource(Map.of()))
            .bindOrCreate("ticketing.catalog", CatalogProperties.class);

    @Test
    void aThousandMadeUpIdsAre404WithoutASnapshotQuery() {
        when(snapshots.eventIds()).thenReturn(List.of(42L));
        ReadModelCache cache = new ReadModelCache(snapshots, new KnownEvents(snapshots), properties,
                new SimpleMeterRegistry());

        for (long id = 1_000_000; id < 1_001_000; id++) {
            long eventId = id;
            assertThatThrownBy(() -> {
                if (eventId % 2 == 0) {
                    cache.details(eventId, Instant.now());
                } else {
                    cache.seatMap(eventId);
                }
            }).isInstanceOfSatisfying(EventNotFoundException.class, notFound -> {
                assertThat(notFound.status()).isEqualTo(HttpStatus.NOT_FOUND);
                assertThat(notFound.code()).isEqualTo(ErrorCode.EVENT_NOT_FOUND);
            });
        }

        verify(snapshots, times(1)).eventIds(); // the start-up load
        verify(snapshots, never()).find(anyLong());
        verify(snapshots, atMost(1)).find(anyLong());
    }

    @Test
    void anEventCreatedOnThisInstanceIsFoundAsSoonAsItsTransactionCommits() {
        when(snapshots.eventIds()).thenReturn(List.of());
        EventSnapshot created = event(7, EventSnapshot.PUBLISHED);
        when(snapshots.find(7)).thenReturn(Optional.of(created));
        KnownEvents known = new KnownEvents(snapshots);
        ReadModelCache cache = new ReadModelCache(snapshots, known, properties, new SimpleMeterRegistry());

        known.changed(new EventChanged(created, true)); // the after-commit listener

        assertThat(cache.details(7, Instant.now()).etag()).isNotBlank();
        assertThat(cache.seatMap(7).etag()).isNotBlank();
        verify(snapshots, times(2)).find(7); // once per representation, then cached
    }

    @Test
    void theBackgroundRefreshLearnsWhatOtherReplicasCreated() {
        when(snapshots.eventIds()).thenReturn(List.of(1L), List.of(1L, 9L));
        KnownEvents known = new KnownEvents(snapshots);
        assertThat(known.contains(9)).isFalse();

        known.refresh();

        assertThat(known.contains(9)).isTrue();
        assertThat(known.contains(1)).isTrue();
    }

    /** One cached entry, three moments: the status (and the ETag) follow the clock without a new query. */
    @Test
    void aCachedEventShowsTheStatusOfTheMomentItIsRead() throws Exception {
        when(snapshots.eventIds()).thenReturn(List.of(7L));
        when(snapshots.find(7)).thenReturn(Optional.of(event(7, EventSnapshot.PUBLISHED)));
        ReadModelCache cache = new ReadModelCache(snapshots, new KnownEvents(snapshots), properties,
                new SimpleMeterRegistry());

        Representation before = cache.details(7, ON_SALE_AT.minusMillis(1));
        Representation during = cache.details(7, ON_SALE_AT);
        Representation after = cache.details(7, STARTS_AT);

        assertThat(status(before)).isEqualTo("SCHEDULED");
        assertThat(status(during)).isEqualTo("ON_SALE");
        assertThat(status(after)).isEqualTo("CLOSED");
        assertThat(List.of(before.etag(), during.etag(), after.etag())).doesNotHaveDuplicates();
        assertThat(before.changesAt()).isEqualTo(ON_SALE_AT);
        verify(snapshots, times(1)).find(7);
    }

    @Test
    void aDraftIsNotFoundForFansUntilItsPublicationIsCommitted() {
        when(snapshots.eventIds()).thenReturn(List.of(7L));
        EventSnapshot draft = event(7, EventSnapshot.DRAFT);
        EventSnapshot published = event(7, EventSnapshot.PUBLISHED);
        when(snapshots.find(7)).thenReturn(Optional.of(draft), Optional.of(draft), Optional.of(published),
                Optional.of(published));
        ReadModelCache cache = new ReadModelCache(snapshots, new KnownEvents(snapshots), properties,
                new SimpleMeterRegistry());

        assertThatThrownBy(() -> cache.details(7, Instant.now())).isInstanceOf(EventNotFoundException.class);
        assertThatThrownBy(() -> cache.seatMap(7)).isInstanceOf(EventNotFoundException.class);
        cache.evict(new EventChanged(published, true)); // the publication commits here

        assertThat(cache.details(7, ON_SALE_AT).etag()).isEqualTo("\"e7-v1-on_sale\"");
        assertThat(cache.seatMap(7).etag()).isEqualTo("\"sm7-v1\"");
    }

    private static String status(Representation r) throws Exception {
        return new tools.jackson.databind.ObjectMapper().readTree(r.body()).get("status").asString();
    }

    private static EventSnapshot event(long id, String state) {
        return new EventSnapshot(id, "Show", "Band", "concert", state, STARTS_AT, ON_SALE_AT, STARTS_AT,
                !EventSnapshot.DRAFT.equals(state), false, 1, new EventSnapshot.Venue(1, "Hall", "Austin", "US"),
                List.of(new EventSnapshot.Section(10, "A", 2, 3, false, 5000)));
    }
}
