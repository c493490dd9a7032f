package io.surge.ticketing.search.query;

import java.time.Instant;

/** A validated search: optional text and filters, a 1-based page. {@code from} null means "from now". */
public record SearchCriteria(String text, String city, String category, Instant from, Instant to, int page,
        int size) {

    public int offset() {
        return (page - 1) * size;
    }
}
