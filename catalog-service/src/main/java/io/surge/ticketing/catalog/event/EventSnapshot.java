package io.surge.ticketing.catalog.event;

import java.time.Instant;
import java.util.List;

import io.surge.ticketing.catalog.layout.SeatLayout;

/**
 * One event as every derived view needs it (inventory message, search document, details, seat map):
 * the event, its performer and venue, and its priced sections in venue order. Read in one place so the
 * views cannot disagree.
 *
 * @param state          the organizer's state: {@link #DRAFT}, {@link #PUBLISHED} or {@link #CANCELLED}; what fans
 *                       see is {@link #statusAt(Instant)}
 * @param refundDeadline fans may refund until then: the one the organizer set, else {@code startsAt}
 * @param published      published once (false while a draft, and for a draft cancelled before publication)
 * @param soldOut        booking's last word: every seat held or sold
 */
public record EventSnapshot(long id, String name, String performer, String category, String state,
        Instant startsAt, Instant onSaleAt, Instant refundDeadline, boolean published, boolean soldOut, long version,
        Venue venue, List<Section> sections) {

    public static final String DRAFT = "DRAFT";
    public static final String PUBLISHED = "PUBLISHED";
    public static final String CANCELLED = "CANCELLED";

    public record Venue(long id, String name, String city, String country) {
    }

    public record Section(long id, String name, int rows, int seatsPerRow, boolean generalAdmission,
            long priceCents) {
    }

    public boolean cancelled() {
        return CANCELLED.equals(state);
    }

    public boolean draft() {
        return DRAFT.equals(state);
    }

    public EventStatus statusAt(Instant now) {
        return EventStatus.of(this, now);
    }

    public SeatLayout layout() {
        return SeatLayout.of(sections.stream()
                .map(s -> new SeatLayout.SectionShape(s.id(), s.name(), s.rows(), s.seatsPerRow(),
                        s.generalAdmission(), s.priceCents()))
                .toList());
    }

    public long minPriceCents() {
        return sections.stream().mapToLong(Section::priceCents).min().orElse(0);
    }
}
