package io.surge.ticketing.search.api;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.surge.ticketing.search.SearchProperties;
import io.surge.ticketing.search.query.EventSearch;
import io.surge.ticketing.search.query.SearchCriteria;
import io.surge.ticketing.search.query.SearchPage;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

@RestController
@Validated
@Tag(name = "Search", description = "Find events: full-text, typo-tolerant, public and cacheable")
class SearchController {

    /** Elasticsearch's default max_result_window: deeper pages are refused rather than failing there. */
    static final int MAX_WINDOW = 10_000;

    /**
     * {@code from}/{@code to} must fall in the years 2000 to 2100: anything else is refused here, before it can make
     * Elasticsearch fail (its date type cannot hold year 1e9) or date arithmetic overflow.
     */
    static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");
    static final Instant LATEST = Instant.parse("2101-01-01T00:00:00Z").minusNanos(1);

    private final EventSearch search;
    private final CacheControl caching;

    SearchController(EventSearch search, SearchProperties properties) {
        this.search = search;
        this.caching = CacheControl.maxAge(properties.maxAge()).cachePublic();
    }

    @GetMapping("/api/v1/events/search")
    @Operation(operationId = "searchEvents", summary = "Search upcoming events",
            description = "Full-text, typo-tolerant, prefix-as-you-type search over the name, performer, venue and "
                    + "city of published events (never a DRAFT or a cancelled event), best matches first, then the "
                    + "soonest. Filters narrow by city, category and the start date. Served by the "
                    + "search index, which follows the catalog within seconds. Each result's status (SCHEDULED, "
                    + "ON_SALE, SOLD_OUT, CLOSED) is decided at the moment of the search.\n\n"
                    + "Public and cacheable: `Cache-Control: public, max-age` of a second by default, so a CDN absorbs "
                    + "popular queries. Pages are 1-based; `page * size` may not exceed 10,000 (refine the query "
                    + "instead). Safe to retry; while the index is unavailable the answer is a quick 503 with "
                    + "`Retry-After`.")
    @ApiResponse(responseCode = "200", description = "one page of results",
            headers = @Header(name = HttpHeaders.CACHE_CONTROL, description = "public; max-age in seconds (1 by default)",
                    schema = @Schema(type = "string", example = "max-age=1, public")))
    ResponseEntity<SearchPage> search(
            @Parameter(description = "free text: typo-tolerant, the last word matched as a prefix", example = "surge")
            @RequestParam(required = false) @Size(max = 200) String q,
            @Parameter(description = "only events in this city (exact, case-insensitive)", example = "Lisbon")
            @RequestParam(required = false) @Size(max = 100) String city,
            @Parameter(description = "only events of this category (case-insensitive)", example = "concert")
            @RequestParam(required = false) @Size(max = 50) String category,
            @Parameter(description = "events starting at or after: an ISO-8601 instant or date (UTC), years 2000 to "
                    + "2100; default now", example = "2027-03-01")
            @RequestParam(required = false) String from,
            @Parameter(description = "events starting at or before: an ISO-8601 instant or date (UTC, a date "
                    + "includes its whole day), years 2000 to 2100; not before `from`", example = "2027-03-31")
            @RequestParam(required = false) String to,
            @Parameter(description = "the 1-based page", example = "1")
            @RequestParam(defaultValue = "1") @Min(1) int page,
            @Parameter(description = "results per page, 1 to 100", example = "20")
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        Instant fromInstant = parse("from", from, false);
        Instant toInstant = parse("to", to, true);
        if (fromInstant != null && toInstant != null && fromInstant.isAfter(toInstant)) {
            throw new InvalidSearchException("from", "must not be after 'to'");
        }
        if ((long) page * size > MAX_WINDOW) {
            throw new InvalidSearchException("page", "page * size must not exceed " + MAX_WINDOW);
        }
        SearchPage result = search.search(new SearchCriteria(q, city, category, fromInstant, toInstant, page, size));
        return ResponseEntity.ok().cacheControl(caching).body(result);
    }

    static Instant parse(String field, String value, boolean endOfDay) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            Instant instant = instantOrDate(value.trim(), endOfDay);
            if (!instant.isBefore(EARLIEST) && !instant.isAfter(LATEST)) {
                return instant;
            }
        } catch (DateTimeParseException e) {
            throw new InvalidSearchException(field, "must be an ISO-8601 instant or date");
        } catch (DateTimeException tooFarOut) {
            // parsed, but too far out to adjust: +999999999-12-31 has no next day
        }
        throw new InvalidSearchException(field, "must be in the years 2000 to 2100");
    }

    private static Instant instantOrDate(String value, boolean endOfDay) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException notInstant) {
            LocalDate date = LocalDate.parse(value);
            return endOfDay ? date.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().minusMillis(1)
                    : date.atStartOfDay(ZoneOffset.UTC).toInstant();
        }
    }
}
