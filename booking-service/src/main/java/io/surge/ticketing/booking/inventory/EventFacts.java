package io.surge.ticketing.booking.inventory;

import java.time.Instant;

/** What the booking side knows of an event: its size, sale start and the sale settings in force. */
public record EventFacts(long eventId, int seatCount, Instant onSaleAt, int holdSeconds, int maxTicketsPerUser,
        boolean cancelled) {

    public boolean onSale(Instant now) {
        return onSaleAt == null || !now.isBefore(onSaleAt);
    }
}
