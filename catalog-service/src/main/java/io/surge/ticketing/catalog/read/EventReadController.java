package io.surge.ticketing.catalog.read;

import java.time.Duration;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import io.surge.ticketing.catalog.CatalogProperties;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Public, CDN-cacheable reads: served from memory with a strong versioned ETag (If-None-Match -> 304). */
@RestController
@Tag(name = "events")
class EventReadController {

    private final ReadModelCache cache;
    private final CacheControl detailsCaching;
    private final CacheControl seatMapCaching;

    EventReadController(ReadModelCache cache, CatalogProperties properties) {
        this.cache = cache;
        this.detailsCaching = publicFor(properties.read().detailsMaxAge());
        this.seatMapCaching = publicFor(properties.read().seatMapMaxAge());
    }

    @GetMapping("/api/v1/events/{eventId}")
    @Operation(summary = "Event details: venue, performer, dates, status, price tiers, seat count")
    ResponseEntity<byte[]> details(@PathVariable long eventId,
            @RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch) {
        return respond(cache.details(eventId), ifNoneMatch, detailsCaching);
    }

    @GetMapping("/api/v1/events/{eventId}/seatmap")
    @Operation(summary = "The static seat layout; seat_index is the seat's bit in the availability bitfield")
    ResponseEntity<byte[]> seatMap(@PathVariable long eventId,
            @RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch) {
        return respond(cache.seatMap(eventId), ifNoneMatch, seatMapCaching);
    }

    static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String candidate : ifNoneMatch.split(",")) {
            String c = candidate.trim();
            if (c.equals("*") || c.equals(etag) || c.equals("W/" + etag)) {
                return true;
            }
        }
        return false;
    }

    private static ResponseEntity<byte[]> respond(Representation r, String ifNoneMatch, CacheControl caching) {
        if (matches(ifNoneMatch, r.etag())) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(r.etag()).cacheControl(caching).build();
        }
        return ResponseEntity.ok().eTag(r.etag()).cacheControl(caching).contentType(MediaType.APPLICATION_JSON)
                .body(r.body());
    }

    private static CacheControl publicFor(Duration maxAge) {
        return CacheControl.maxAge(maxAge).cachePublic();
    }
}
