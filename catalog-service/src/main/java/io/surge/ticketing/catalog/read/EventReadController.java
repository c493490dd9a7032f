package io.surge.ticketing.catalog.read;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

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
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Public, CDN-cacheable reads: served from memory with a strong versioned ETag (If-None-Match -> 304). The details'
 * ETag names the lifecycle status too, and their max-age never reaches past the next time the status changes by the
 * clock, so no cache (the gateway's, a CDN's, the browser's) shows a status after it has passed.
 */
@RestController
@Tag(name = "events")
class EventReadController {

    private final ReadModelCache cache;
    private final Clock clock;
    private final Duration detailsMaxAge;
    private final CacheControl seatMapCaching;

    EventReadController(ReadModelCache cache, CatalogProperties properties, Clock clock) {
        this.cache = cache;
        this.clock = clock;
        this.detailsMaxAge = properties.read().detailsMaxAge();
        this.seatMapCaching = publicFor(properties.read().seatMapMaxAge());
    }

    @GetMapping("/api/v1/events/{eventId}")
    @Operation(summary = "Event details: venue, performer, dates, lifecycle status, refund deadline, price tiers, "
            + "seat count", description = "status: SCHEDULED (before on_sale_at), ON_SALE, SOLD_OUT (on sale, every "
            + "seat held or sold), CLOSED (from starts_at) or CANCELLED. A DRAFT is answered 404 until published.")
    @ApiResponse(responseCode = "200", description = "the details; ETag \"e<id>-v<version>-<status>\"")
    @ApiResponse(responseCode = "304", description = "If-None-Match matched")
    @ApiResponse(responseCode = "404", description = "EVENT_NOT_FOUND: no such event, or a DRAFT")
    ResponseEntity<byte[]> details(@PathVariable long eventId,
            @RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch) {
        Instant now = clock.instant();
        Representation details = cache.details(eventId, now);
        return respond(details, ifNoneMatch, publicFor(maxAge(detailsMaxAge, details.changesAt(), now)));
    }

    @GetMapping("/api/v1/events/{eventId}/seatmap")
    @Operation(summary = "The static seat layout; seat_index is the seat's bit in the availability bitfield")
    @ApiResponse(responseCode = "200", description = "the seat map; ETag \"sm<id>-v<version>\"")
    @ApiResponse(responseCode = "304", description = "If-None-Match matched")
    @ApiResponse(responseCode = "404", description = "EVENT_NOT_FOUND: no such event, or a DRAFT")
    ResponseEntity<byte[]> seatMap(@PathVariable long eventId,
            @RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch) {
        return respond(cache.seatMap(eventId), ifNoneMatch, seatMapCaching);
    }

    /**
     * The configured max-age, cut to the whole seconds left before {@code changesAt} (0 within the last second: a
     * cache must ask again, and the gateway keeps nothing without a positive max-age).
     */
    static Duration maxAge(Duration configured, Instant changesAt, Instant now) {
        if (changesAt == null) {
            return configured;
        }
        Duration left = Duration.between(now, changesAt);
        if (left.isNegative()) {
            return Duration.ZERO;
        }
        Duration whole = Duration.ofSeconds(left.getSeconds());
        return whole.compareTo(configured) < 0 ? whole : configured;
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
