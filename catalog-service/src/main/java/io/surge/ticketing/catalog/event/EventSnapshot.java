package io.surge.ticketing.catalog.event;

import java.time.Instant;
import java.util.List;

import io.surge.ticketing.catalog.layout.SeatLayout;

/**
 * One event as every derived view needs it (inventory message, search document, details, seat map):
 * the event, its performer and venue, and its priced sections in venue order. Read in one place so the
 * views cannot disagree.
 */
public record EventSnapshot(long id, String name, String performer, String category, String status,
        Instant startsAt, Instant onSaleAt, long version, Venue venue, List<Section> sections) {

    public static final String SCHEDULED = "SCHEDULED";
    public static final String CANCELLED = "CANCELLED";

    public record Venue(long id, String name, String city, String country) {
    }

    public record Section(long id, String name, int rows, int seatsPerRow, boolean generalAdmission,
            long priceCents) {
    }

    public boolean cancelled() {
        return CANCELLED.equals(status);
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
