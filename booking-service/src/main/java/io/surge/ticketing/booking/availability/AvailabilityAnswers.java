package io.surge.ticketing.booking.availability;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.zip.CRC32C;

import org.springframework.stereotype.Component;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;

import io.surge.ticketing.booking.BookingProperties;
import io.surge.ticketing.booking.inventory.KnownEvents;

/**
 * The availability answers of each event, encoded once per bitfield version and served as bytes: the JSON body, the
 * raw bitfield and the strong ETag of each. An instance reads an event's bitfield from Redis at most once per
 * {@code ticketing.booking.availability.refresh} (in the background, while requests keep getting the previous
 * answer), and re-encodes only when the bits or their meta changed. So a read costs a map lookup, never a Redis call
 * or an encoding, and the answer is at most {@code refresh} behind Redis, well inside the {@code max-age} a CDN adds.
 * Only events booking has inventory for ({@link KnownEvents}) are read, cached or rebuilt: any other id is "no
 * answer" from memory, so made-up ids cost neither a Redis read, nor a Postgres query, nor a cache entry.
 */
@Component
class AvailabilityAnswers {

    private final AvailabilityStore store;
    private final AvailabilityRebuilder rebuilder;
    private final KnownEvents known;
    private final LoadingCache<Long, Optional<Answer>> answers;

    AvailabilityAnswers(AvailabilityStore store, AvailabilityRebuilder rebuilder, KnownEvents known,
            BookingProperties properties) {
        this.store = store;
        this.rebuilder = rebuilder;
        this.known = known;
        this.answers = Caffeine.newBuilder()
                .maximumSize(10_000)
                .refreshAfterWrite(properties.availability().refresh())
                // a refresh that keeps failing (Redis down) must not serve an old answer for long
                .expireAfterWrite(properties.availability().refresh().multipliedBy(10))
                .build(new com.github.benmanes.caffeine.cache.CacheLoader<>() {
                    @Override
                    public Optional<Answer> load(Long eventId) {
                        return read(eventId, null);
                    }

                    @Override
                    public Optional<Answer> reload(Long eventId, Optional<Answer> previous) {
                        return read(eventId, previous.orElse(null));
                    }
                });
    }

    /** The current answer of an event, or empty when it has no seats on sale (unknown, or a DRAFT). */
    Optional<Answer> find(long eventId) {
        if (!known.visible(eventId)) {
            return Optional.empty();
        }
        return answers.get(eventId);
    }

    /** How many events' answers this instance holds (at most one per known event). */
    long cached() {
        return answers.estimatedSize();
    }

    private Optional<Answer> read(long eventId, Answer previous) {
        AvailabilityStore.Snapshot snapshot = store.read(eventId);
        if (snapshot == null && rebuilder.ensure(eventId)) {
            snapshot = store.read(eventId);
        }
        if (snapshot == null) {
            return Optional.empty();
        }
        if (previous != null && previous.sameAs(snapshot)) {
            return Optional.of(previous);
        }
        return Optional.of(Answer.of(snapshot));
    }

    /** One version of an event's availability, with both representations encoded. */
    record Answer(long eventId, int seatCount, long asOfMillis, byte[] bitfield, byte[] json, String jsonEtag,
            String bytesEtag) {

        static Answer of(AvailabilityStore.Snapshot snapshot) {
            CRC32C crc = new CRC32C();
            crc.update(snapshot.bitfield());
            String version = Long.toHexString(crc.getValue()) + "-" + snapshot.seatCount();
            String json = "{\"event_id\":" + snapshot.eventId()
                    + ",\"seat_count\":" + snapshot.seatCount()
                    + ",\"bitfield\":\"" + Base64.getEncoder().encodeToString(snapshot.bitfield())
                    + "\",\"as_of\":\"" + Instant.ofEpochMilli(snapshot.asOfMillis()) + "\"}";
            return new Answer(snapshot.eventId(), snapshot.seatCount(), snapshot.asOfMillis(), snapshot.bitfield(),
                    json.getBytes(StandardCharsets.US_ASCII), "\"" + version + "-j\"", "\"" + version + "-b\"");
        }

        boolean sameAs(AvailabilityStore.Snapshot snapshot) {
            return seatCount == snapshot.seatCount() && asOfMillis == snapshot.asOfMillis()
                    && Arrays.equals(bitfield, snapshot.bitfield());
        }
    }
}
