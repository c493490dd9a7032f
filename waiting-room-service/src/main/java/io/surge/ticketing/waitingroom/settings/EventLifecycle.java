package io.surge.ticketing.waitingroom.settings;

import java.time.Instant;

import io.surge.ticketing.contracts.messages.EventInventoryDefined;

/**
 * What the catalog says about an event that matters to its line: when the sale starts (T0), when the show starts
 * (the sale closes then), whether it is published (a DRAFT is unknown to fans) and whether it was cancelled.
 *
 * @param startsAt null when the catalog did not say (an older catalog): the line then never closes by itself
 */
public record EventLifecycle(Instant onSaleAt, Instant startsAt, boolean published, boolean cancelled) {

    public EventLifecycle {
        if (onSaleAt == null) {
            throw new IllegalArgumentException("an event's sale start (on_sale_at) is required");
        }
    }

    /** A published event on sale from {@code onSaleAt}, whose start is unknown. */
    public static EventLifecycle onSale(Instant onSaleAt) {
        return new EventLifecycle(onSaleAt, null, true, false);
    }

    static EventLifecycle of(EventInventoryDefined event) {
        return new EventLifecycle(event.onSaleAt(), event.startsAt(), event.isPublished(), event.cancelled());
    }
}
