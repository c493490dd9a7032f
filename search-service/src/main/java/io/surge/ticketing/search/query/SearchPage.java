package io.surge.ticketing.search.query;

import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/** API.md's search answer (snake_case on the wire). */
@Schema(description = "One page of search results")
public record SearchPage(
        @Schema(description = "the 1-based page", example = "1", requiredMode = Schema.RequiredMode.REQUIRED) int page,
        @Schema(description = "results per page asked for", example = "20", requiredMode = Schema.RequiredMode.REQUIRED)
        int size,
        @Schema(description = "how many events match in all pages", example = "57",
                requiredMode = Schema.RequiredMode.REQUIRED)
        long total,
        @Schema(description = "this page's events, best matches first", requiredMode = Schema.RequiredMode.REQUIRED)
        List<Result> results) {

    @Schema(name = "SearchResult", description = "An event that matches")
    public record Result(
            @Schema(description = "the event's id (`GET /api/v1/events/{event_id}` reads it)", example = "42",
                    requiredMode = Schema.RequiredMode.REQUIRED)
            long eventId,
            @Schema(description = "the event's name", example = "Midnight Arena Tour",
                    requiredMode = Schema.RequiredMode.REQUIRED)
            String name,
            @Schema(description = "who performs", example = "The Surge", requiredMode = Schema.RequiredMode.REQUIRED)
            String performer,
            @Schema(description = "the venue's name", example = "Riverside Arena",
                    requiredMode = Schema.RequiredMode.REQUIRED)
            String venue,
            @Schema(description = "the venue's city", example = "Lisbon", requiredMode = Schema.RequiredMode.REQUIRED)
            String city,
            @Schema(description = "the category, lower case", example = "concert",
                    requiredMode = Schema.RequiredMode.REQUIRED)
            String category,
            @Schema(description = "when the show starts", example = "2027-03-14T19:30:00Z") Instant startsAt,
            @Schema(description = "when the sale opens", example = "2027-01-10T09:00:00Z") Instant onSaleAt,
            @Schema(description = "the lowest price of a seat, in cents", example = "3000",
                    requiredMode = Schema.RequiredMode.REQUIRED)
            long minPriceCents,
            @Schema(description = "the lifecycle status at the moment of the search",
                    allowableValues = {"SCHEDULED", "ON_SALE", "SOLD_OUT", "CLOSED"}, example = "ON_SALE",
                    requiredMode = Schema.RequiredMode.REQUIRED)
            String status) {
    }
}
