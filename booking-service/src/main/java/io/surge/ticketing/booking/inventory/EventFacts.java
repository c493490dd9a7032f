package io.surge.ticketing.booking.inventory;

import java.time.Instant;

/** What the booking side knows of an event: its size, sale start and the sale settings in force. */
public record EventFacts(long eventId, int seatCount, Instant onSaleAt, int holdSeconds, int maxTicketsPerUser,
        boolean cancelled, java.util.Set<Long> sectionIds) {

    public EventFacts {
        sectionIds = sectionIds == null ? java.util.Set.of() : java.util.Set.copyOf(sectionIds);
    }

    /** Whether the event has this section (a made-up section is refused at the door, never buffered). */
    public boolean hasSection(long sectionId) {
        return sectionIds.contains(sectionId);
    }

    public boolean onSale(Instant now) {
        return onSaleAt == null || !now.isBefore(onSaleAt);
    }
}
