package io.surge.ticketing.search.query;

import java.time.Instant;

/**
 * An event's lifecycle status as a search result shows it (API.md "Event lifecycle"), decided at query time from the
 * indexed times and sold-out flag: SCHEDULED before {@code on_sale_at}, ON_SALE until {@code starts_at} (SOLD_OUT
 * while booking says every seat is held or sold), CLOSED from {@code starts_at}. A time-driven change therefore needs
 * no reindex. The catalog computes the same for an event's details page; each service keeps its own few lines rather
 * than sharing domain logic.
 */
enum LifecycleStatus {

    DRAFT, SCHEDULED, ON_SALE, SOLD_OUT, CLOSED, CANCELLED;

    /** {@code state} is the catalog's stored state (PUBLISHED; DRAFT and CANCELLED are never searchable). */
    static LifecycleStatus of(String state, boolean soldOut, Instant onSaleAt, Instant startsAt, Instant now) {
        if ("CANCELLED".equals(state)) {
            return CANCELLED;
        }
        if ("DRAFT".equals(state)) {
            return DRAFT;
        }
        if (startsAt != null && !now.isBefore(startsAt)) {
            return CLOSED;
        }
        if (onSaleAt != null && now.isBefore(onSaleAt)) {
            return SCHEDULED;
        }
        return soldOut ? SOLD_OUT : ON_SALE;
    }
}
