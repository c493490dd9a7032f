package io.surge.ticketing.search.query;

import java.time.Instant;
import java.util.List;

/** API.md's search answer (snake_case on the wire). */
public record SearchPage(int page, int size, long total, List<Result> results) {

    public record Result(long eventId, String name, String performer, String venue, String city, String category,
            Instant startsAt, Instant onSaleAt, long minPriceCents) {
    }
}
