package io.surge.ticketing.catalog.event;

import java.time.Instant;
import java.util.Optional;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The lifecycle status fans see (API.md "Event lifecycle"). Only DRAFT and CANCELLED are stored (the organizer's
 * decisions); the rest follow from the clock and booking's sold-out word, so they are computed whenever an event is
 * shown and never cached past the moment they change ({@link #changesAt}).
 */
@Schema(description = "An event's lifecycle status: DRAFT (not published: fans get 404), SCHEDULED (before on_sale_at), "
        + "ON_SALE (from on_sale_at until starts_at), SOLD_OUT (on sale, every seat held or sold; seats that come back "
        + "reopen the sale), CLOSED (from starts_at), CANCELLED", example = "ON_SALE")
public enum EventStatus {

    /** Created with {@code "publish": false}: invisible to fans until published. */
    DRAFT,
    /** Published, before {@code on_sale_at}. */
    SCHEDULED,
    /** From {@code on_sale_at} until {@code starts_at}. */
    ON_SALE,
    /** On sale, but every seat is held or sold (seats that come back reopen the sale). */
    SOLD_OUT,
    /** From {@code starts_at}: the sale is over. */
    CLOSED,
    CANCELLED;

    public static EventStatus of(EventSnapshot event, Instant now) {
        if (event.cancelled()) {
            return CANCELLED;
        }
        if (event.draft()) {
            return DRAFT;
        }
        if (!now.isBefore(event.startsAt())) {
            return CLOSED;
        }
        if (now.isBefore(event.onSaleAt())) {
            return SCHEDULED;
        }
        return event.soldOut() ? SOLD_OUT : ON_SALE;
    }

    /**
     * When an event in this status moves on by the clock alone: SCHEDULED at {@code on_sale_at}, ON_SALE and SOLD_OUT
     * at {@code starts_at}; empty for the statuses only an admin or a message changes (those evict what was cached).
     */
    public Optional<Instant> changesAt(EventSnapshot event) {
        return switch (this) {
            case SCHEDULED -> Optional.of(event.onSaleAt());
            case ON_SALE, SOLD_OUT -> Optional.of(event.startsAt());
            case DRAFT, CLOSED, CANCELLED -> Optional.empty();
        };
    }
}
