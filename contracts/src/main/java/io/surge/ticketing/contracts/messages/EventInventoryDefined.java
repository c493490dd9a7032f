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
 * prices change, when a DRAFT is published, and with {@code cancelled} set when the event is cancelled (nothing more
 * may be sold). Fields added later ({@code starts_at}, {@code refund_deadline}, {@code published}) are optional for
 * a reader: a message without them is a published event with no known start or refund deadline.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
public record EventInventoryDefined(
        long eventId,
        Instant onSaleAt,
        List<Section> sections,
        boolean cancelled,
        Instant startsAt,
        Instant refundDeadline,
        Boolean published) {

    /**
     * @param startsAt       the show's start: the sale closes then ({@code SALE_CLOSED}); null from an older catalog
     * @param refundDeadline fans may refund a CONFIRMED booking until then; null from an older catalog
     * @param published      false while the event is a DRAFT (not joinable, not sellable); null means published
     */
    public EventInventoryDefined {
        published = published == null || published;
    }

    /** An event on sale (not cancelled). */
    public EventInventoryDefined(long eventId, Instant onSaleAt, List<Section> sections) {
        this(eventId, onSaleAt, sections, false);
    }

    public EventInventoryDefined(long eventId, Instant onSaleAt, List<Section> sections, boolean cancelled) {
        this(eventId, onSaleAt, sections, cancelled, null, null, true);
    }

    public boolean isPublished() {
        return published;
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
