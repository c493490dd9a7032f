package io.surge.ticketing.booking.sales;

import java.time.Instant;

import io.surge.ticketing.booking.inventory.EventFacts;

/** An event's lifecycle state, as booking's facts of it tell (the same names the catalog shows). */
enum EventStatus {
    DRAFT, SCHEDULED, ON_SALE, SOLD_OUT, CLOSED, CANCELLED;

    /**
     * Cancelled wins, then a draft, then a show that has started, then a sale not open yet; an open sale is SOLD_OUT
     * while no seat is free.
     */
    static EventStatus of(EventFacts event, int available, Instant now) {
        if (event.cancelled()) {
            return CANCELLED;
        }
        if (!event.published()) {
            return DRAFT;
        }
        if (event.closed(now)) {
            return CLOSED;
        }
        if (!event.onSale(now)) {
            return SCHEDULED;
        }
        return available <= 0 ? SOLD_OUT : ON_SALE;
    }
}
