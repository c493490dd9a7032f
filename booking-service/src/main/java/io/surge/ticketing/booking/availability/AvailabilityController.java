package io.surge.ticketing.booking.availability;

import java.time.Instant;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
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
import io.surge.ticketing.booking.BookingProperties;
import io.surge.ticketing.contracts.ErrorCode;
import io.surge.ticketing.platform.web.DomainException;
import io.swagger.v3.oas.annotations.Hidden;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The read path of seat availability, served from the Redis bitfield (never from Postgres), cacheable by a
 * CDN for {@code max-age} with a strong ETag per representation. The bodies are encoded once per bitfield version
 * ({@link AvailabilityAnswers}); a missing bitfield is rebuilt from Postgres once (the source of truth), not read
 * from it per request, and only for an event booking has inventory for: any other id is 404 from memory.
 */
@RestController
@Tag(name = "Availability", description = "Which seats are free, live, for a seat map")
class AvailabilityController {

    private final AvailabilityAnswers answers;
    private final CacheControl cacheControl;

    AvailabilityController(AvailabilityAnswers answers, BookingProperties properties) {
        this.answers = answers;
        this.cacheControl = cacheControl(properties);
    }

    static CacheControl cacheControl(BookingProperties properties) {
        return CacheControl.maxAge(properties.availability().maxAge()).cachePublic();
    }

    /** The servlet-level fast path in front of this controller (see {@link AvailabilityFastPath}). */
    @Bean
    @ConditionalOnBooleanProperty(name = "ticketing.booking.availability.fast-path", matchIfMissing = true)
    static FilterRegistrationBean<AvailabilityFastPath> availabilityFastPath(AvailabilityAnswers answers,
            BookingProperties properties) {
        FilterRegistrationBean<AvailabilityFastPath> registration =
                new FilterRegistrationBean<>(new AvailabilityFastPath(answers, cacheControl(properties)));
        registration.addUrlPatterns("/api/v1/events/*");
        // right after the observation filter (HIGHEST_PRECEDENCE + 1): timed and traced, but no MVC dispatch
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
        return registration;
    }

    @Operation(operationId = "getAvailability", summary = "The seats held or sold, as a bitfield",
            description = "Bit i (most significant bit of byte 0 is seat 0) is 1 when the seat with `seat_index` i "
                    + "of the seat map is held or sold. JSON carries it in base64; `Accept: application/octet-stream` "
                    + "answers the raw bytes. Public and cacheable for a second (`Cache-Control`), with a strong "
                    + "`ETag`: send it back in `If-None-Match` and an unchanged bitfield is a 304 without a body. "
                    + "Served from Redis, never from the primary database.")
    @ApiResponse(responseCode = "200", description = "the bitfield",
            headers = {@Header(name = "ETag", description = "strong, per representation", schema = @Schema(type = "string")),
                    @Header(name = "Cache-Control", description = "public, max-age=1", schema = @Schema(type = "string")),
                    @Header(name = "X-Seat-Count", description = "the event's seat count (bits that mean a seat)",
                            schema = @Schema(type = "integer", example = "16"))},
            content = {@Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = AvailabilityView.class)),
                    @Content(mediaType = MediaType.APPLICATION_OCTET_STREAM_VALUE, schema = @Schema(type = "string", format = "binary"))})
    @ApiResponse(responseCode = "304", description = "not modified since the ETag sent in If-None-Match: no body",
            headers = {@Header(name = "ETag", description = "the same ETag", schema = @Schema(type = "string")),
                    @Header(name = "Cache-Control", description = "public, max-age=1", schema = @Schema(type = "string"))},
            content = @Content)
    @ProblemAnswer(status = 404, codes = ErrorCode.EVENT_NOT_FOUND, when = "no such event, or a DRAFT")
    @GetMapping(path = "/api/v1/events/{event_id}/availability", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<byte[]> json(@Parameter(description = "the event", example = "42") @PathVariable("event_id") long eventId,
            @Parameter(description = "the ETag of the copy the client has: an unchanged bitfield answers 304",
                    example = "\"5c1b9e0a-16-j\"")
            @RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch) {
        AvailabilityAnswers.Answer answer = answer(eventId);
        return respond(ifNoneMatch, answer.jsonEtag(), MediaType.APPLICATION_JSON, answer.json(), answer);
    }

    /** The raw representation of the same operation: described once, on {@link #json}, with both media types. */
    @Hidden
    @GetMapping(path = "/api/v1/events/{event_id}/availability", produces = MediaType.APPLICATION_OCTET_STREAM_VALUE)
    ResponseEntity<byte[]> bytes(@PathVariable("event_id") long eventId,
            @RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch) {
        AvailabilityAnswers.Answer answer = answer(eventId);
        return respond(ifNoneMatch, answer.bytesEtag(), MediaType.APPLICATION_OCTET_STREAM, answer.bitfield(), answer);
    }

    private ResponseEntity<byte[]> respond(String ifNoneMatch, String etag, MediaType type, byte[] body,
            AvailabilityAnswers.Answer answer) {
        if (matches(ifNoneMatch, etag)) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(etag).cacheControl(cacheControl).build();
        }
        return ResponseEntity.ok().eTag(etag).cacheControl(cacheControl)
                .header("X-Seat-Count", Integer.toString(answer.seatCount()))
                .contentType(type)
                .body(body);
    }

    private AvailabilityAnswers.Answer answer(long eventId) {
        return answers.find(eventId).orElseThrow(() -> new DomainException(HttpStatus.NOT_FOUND,
                ErrorCode.EVENT_NOT_FOUND, "no seats on sale for event " + eventId));
    }

    static boolean matches(String ifNoneMatch, String etag) {
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

    /** The JSON answer's shape, for the API description (the body itself is encoded once per version). */
    record AvailabilityView(@Schema(example = "42") long eventId, @Schema(example = "16") int seatCount,
            @Schema(description = "base64 of the bitfield: bit i is 1 when seat_index i is held or sold", example = "wAE=")
            String bitfield,
            @Schema(description = "when the bitfield was read", example = "2026-12-01T10:00:00.250Z") Instant asOf) {
    }
}
