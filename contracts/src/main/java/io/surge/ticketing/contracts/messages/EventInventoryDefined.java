package io.surge.ticketing.contracts.messages;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

import java.time.Instant;
import java.util.List;

/**
 * Catalog -> booking, on {@code catalog.event-inventory} keyed by event id: the seats of an event, as
 * compact section blocks rather than one record per seat (a 100,000-seat stadium is a few hundred bytes).
 * Seat {@code firstSeatIndex + row * seatsPerRow + seat} of a section is bit {@code seat_index} of the
 * availability bitfield; its ticket id is {@link TicketIds#of(long, int)}. Redelivery is harmless:
 * the booking side inserts the seats idempotently. The catalog sends it again when the sale start or the
 * prices change, and with {@code cancelled} set when the event is cancelled (nothing more may be sold).
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
public record EventInventoryDefined(
        long eventId,
        Instant onSaleAt,
        List<Section> sections,
        boolean cancelled) {

    /** An event on sale (not cancelled). */
    public EventInventoryDefined(long eventId, Instant onSaleAt, List<Section> sections) {
        this(eventId, onSaleAt, sections, false);
    }

    /** A block of seats sharing a section and a price. General admission is one row of {@code capacity} places. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Section(long sectionId, String name, int firstSeatIndex, int rows, int seatsPerRow, long priceCents) {

        public int seatCount() {
            return rows * seatsPerRow;
        }
    }

    public int seatCount() {
        return sections.stream().mapToInt(Section::seatCount).sum();
    }
}
