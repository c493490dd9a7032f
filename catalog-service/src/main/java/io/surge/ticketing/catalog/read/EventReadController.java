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

import io.surge.ticketing.apidocs.ProblemAnswer;
import io.surge.ticketing.catalog.CatalogProperties;
import io.surge.ticketing.contracts.ErrorCode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Public, CDN-cacheable reads: served from memory with a strong versioned ETag (If-None-Match -> 304). The details'
 * ETag names the lifecycle status too, and their max-age never reaches past the next time the status changes by the
 * clock, so no cache (the gateway's, a CDN's, the browser's) shows a status after it has passed.
 */
@RestController
@Tag(name = "Events", description = "Event details and seat maps: public, cacheable, with strong ETags")
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

    @GetMapping("/api/v1/events/{event_id}")
    @Operation(operationId = "getEvent", summary = "Read an event's details",
            description = "The event as a fan sees it: name, performer, category, venue, dates, lifecycle status, "
                    + "refund deadline, price tiers and seat count. `status` is SCHEDULED before `on_sale_at`, ON_SALE "
                    + "from then, SOLD_OUT while every seat is held or sold (seats that come back reopen the sale), "
                    + "CLOSED from `starts_at`, or CANCELLED. A DRAFT is answered 404 until it is published.\n\n"
                    + "Public and cacheable: `Cache-Control: public, max-age` of a second at most, and never past the "
                    + "moment the status changes by the clock; a strong `ETag` that names the version and the status. "
                    + "Send it back in `If-None-Match` to get a bodiless 304 while nothing changed. Safe to retry.")
    @ApiResponse(responseCode = "200", description = "the event's details",
            headers = {@Header(name = HttpHeaders.ETAG,
                    description = "strong, versioned: \"e<event_id>-v<version>-<status>\"",
                    schema = @Schema(type = "string", example = "\"e42-v3-on_sale\"")),
                    @Header(name = HttpHeaders.CACHE_CONTROL, description = "public; max-age in seconds (1 by default)",
                            schema = @Schema(type = "string", example = "max-age=1, public"))},
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = Renderers.Details.class)))
    @ApiResponse(responseCode = "304", description = "not modified: `If-None-Match` named the current ETag",
            headers = {@Header(name = HttpHeaders.ETAG, description = "the current ETag",
                    schema = @Schema(type = "string")),
                    @Header(name = HttpHeaders.CACHE_CONTROL, description = "as on the 200",
                            schema = @Schema(type = "string"))}, content = @Content)
    @ProblemAnswer(status = 404, codes = ErrorCode.EVENT_NOT_FOUND, when = "no such event, or a DRAFT not published yet")
    ResponseEntity<byte[]> details(
            @Parameter(description = "the event", example = "42") @PathVariable("event_id") long eventId,
            @Parameter(description = "an ETag this client holds: a match answers 304 without a body",
                    example = "\"\\\"e42-v3-on_sale\\\"\"") // JSON text: the example keeps the ETag's quotes
            @RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch) {
        Instant now = clock.instant();
        Representation details = cache.details(eventId, now);
        return respond(details, ifNoneMatch, publicFor(maxAge(detailsMaxAge, details.changesAt(), now)));
    }

    @GetMapping("/api/v1/events/{event_id}/seatmap")
    @Operation(operationId = "getSeatMap", summary = "Read an event's seat layout",
            description = "The static layout: every section with its price and every seat with its `ticket_id` (what "
                    + "a reservation names) and `seat_index`, the seat's bit in the availability bitfield "
                    + "(`GET /api/v1/events/{event_id}/availability`; 0 .. seat_count-1). A 60,000-seat stadium is a "
                    + "few MB: load it once and keep it.\n\n"
                    + "Public and long-lived: `Cache-Control: public, max-age` of an hour by default and a strong "
                    + "`ETag` that names the layout's version; `If-None-Match` answers 304 while it is the same. Safe "
                    + "to retry.")
    @ApiResponse(responseCode = "200", description = "the seat map",
            headers = {@Header(name = HttpHeaders.ETAG,
                    description = "strong, versioned: \"sm<event_id>-v<version>\"",
                    schema = @Schema(type = "string", example = "\"sm42-v3\"")),
                    @Header(name = HttpHeaders.CACHE_CONTROL, description = "public; max-age in seconds (3600 by default)",
                            schema = @Schema(type = "string", example = "max-age=3600, public"))},
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = SeatMapSchema.class)))
    @ApiResponse(responseCode = "304", description = "not modified: `If-None-Match` named the current ETag",
            headers = {@Header(name = HttpHeaders.ETAG, description = "the current ETag",
                    schema = @Schema(type = "string")),
                    @Header(name = HttpHeaders.CACHE_CONTROL, description = "as on the 200",
                            schema = @Schema(type = "string"))}, content = @Content)
    @ProblemAnswer(status = 404, codes = ErrorCode.EVENT_NOT_FOUND, when = "no such event, or a DRAFT not published yet")
    ResponseEntity<byte[]> seatMap(
            @Parameter(description = "the event", example = "42") @PathVariable("event_id") long eventId,
            @Parameter(description = "an ETag this client holds: a match answers 304 without a body",
                    example = "\"\\\"sm42-v3\\\"\"") // JSON text: the example keeps the ETag's quotes
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
