package io.surge.ticketing.catalog.inventory;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import io.surge.ticketing.catalog.event.EventSnapshot;
import io.surge.ticketing.catalog.layout.SeatLayout;
import io.surge.ticketing.contracts.messages.EventInventoryDefined;

/**
 * Builds the inventory hand-off to booking. The wire format is the one the contracts record declares (its
 * Jackson annotations: snake_case members) with ISO-8601 instants, independent of any Spring ObjectMapper.
 */
final class InventoryMessages {

    static final ObjectMapper WIRE = JsonMapper.builder()
            .build();

    private InventoryMessages() {
    }

    /**
     * The whole definition every time (a state, not a delta): seats, prices, the sale's times, the refund deadline,
     * whether it is published (a DRAFT: booking creates the seats but sells nothing) and whether it is cancelled.
     */
    static EventInventoryDefined inventoryOf(EventSnapshot event) {
        SeatLayout layout = event.layout();
        return new EventInventoryDefined(event.id(), event.onSaleAt(), layout.blocks().stream()
                .map(b -> new EventInventoryDefined.Section(b.sectionId(), b.name(), b.firstSeatIndex(), b.rows(),
                        b.seatsPerRow(), b.priceCents()))
                .toList(), event.cancelled(), event.startsAt(), event.refundDeadline(), event.published());
    }

    static String toJson(EventInventoryDefined message) {
        try {
            return WIRE.writeValueAsString(message);
        } catch (JacksonException e) {
            throw new IllegalStateException(e);
        }
    }
}
