package io.surge.ticketing.search.query;

import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/** API.md's search answer (snake_case on the wire). */
public record SearchPage(int page, int size, long total, List<Result> results) {

    public record Result(long eventId, String name, String performer, String venue, String city, String category,
            Instant startsAt, Instant onSaleAt, long minPriceCents,
            @Schema(description = "the lifecycle status at the moment of the search",
                    allowableValues = {"SCHEDULED", "ON_SALE", "SOLD_OUT", "CLOSED"}) String status) {
    }
}
