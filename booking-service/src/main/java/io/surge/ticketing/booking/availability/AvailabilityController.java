package io.surge.ticketing.booking.availability;

import java.time.Instant;
import java.util.Base64;
import java.util.zip.CRC32C;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import io.surge.ticketing.booking.BookingProperties;
import io.surge.ticketing.contracts.ErrorCode;
import io.surge.ticketing.platform.web.DomainException;
import io.swagger.v3.oas.annotations.Operation;

/**
 * The read path of seat availability, served from the Redis bitfield (never from Postgres), cacheable by a
 * CDN for {@code max-age} with a strong ETag per representation. A missing bitfield is rebuilt from Postgres
 * once (the source of truth), not read from it per request.
 */
@RestController
class AvailabilityController {

    private final AvailabilityStore store;
    private final AvailabilityRebuilder rebuilder;
    private final CacheControl cacheControl;

    AvailabilityController(AvailabilityStore store, AvailabilityRebuilder rebuilder, BookingProperties properties) {
        this.store = store;
        this.rebuilder = rebuilder;
        this.cacheControl = CacheControl.maxAge(properties.availability().maxAge()).cachePublic();
    }

    @Operation(summary = "Seat availability bitfield (bit i = seat_index i; 1 = held or sold)")
    @GetMapping(path = "/api/v1/events/{eventId}/availability", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<AvailabilityView> json(@PathVariable long eventId,
            @RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch) {
        AvailabilityStore.Snapshot snapshot = snapshot(eventId);
        String etag = etag(snapshot, "j");
        if (matches(ifNoneMatch, etag)) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(etag).cacheControl(cacheControl).build();
        }
        return ResponseEntity.ok().eTag(etag).cacheControl(cacheControl)
                .body(new AvailabilityView(eventId, snapshot.seatCount(),
                        Base64.getEncoder().encodeToString(snapshot.bitfield()),
                        Instant.ofEpochMilli(snapshot.asOfMillis())));
    }

    @GetMapping(path = "/api/v1/events/{eventId}/availability", produces = MediaType.APPLICATION_OCTET_STREAM_VALUE)
    ResponseEntity<byte[]> bytes(@PathVariable long eventId,
            @RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch) {
        AvailabilityStore.Snapshot snapshot = snapshot(eventId);
        String etag = etag(snapshot, "b");
        if (matches(ifNoneMatch, etag)) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(etag).cacheControl(cacheControl).build();
        }
        return ResponseEntity.ok().eTag(etag).cacheControl(cacheControl)
                .header("X-Seat-Count", Integer.toString(snapshot.seatCount()))
                .contentType(MediaType.APPLICATION_OCTET_STREAM)
                .body(snapshot.bitfield());
    }

    private AvailabilityStore.Snapshot snapshot(long eventId) {
        AvailabilityStore.Snapshot snapshot = store.read(eventId);
        if (snapshot == null && rebuilder.ensure(eventId)) {
            snapshot = store.read(eventId);
        }
        if (snapshot == null) {
            throw new DomainException(HttpStatus.NOT_FOUND, ErrorCode.EVENT_NOT_FOUND, "no seats on sale for event " + eventId);
        }
        return snapshot;
    }

    private static String etag(AvailabilityStore.Snapshot snapshot, String representation) {
        CRC32C crc = new CRC32C();
        crc.update(snapshot.bitfield());
        return "\"" + Long.toHexString(crc.getValue()) + "-" + snapshot.seatCount() + "-" + representation + "\"";
    }

    private static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String candidate : ifNoneMatch.split(",")) {
            String trimmed = candidate.trim();
            if (trimmed.equals("*") || trimmed.equals(etag)) {
                return true;
            }
        }
        return false;
    }

    record AvailabilityView(long eventId, int seatCount, String bitfield, Instant asOf) {
    }
}
