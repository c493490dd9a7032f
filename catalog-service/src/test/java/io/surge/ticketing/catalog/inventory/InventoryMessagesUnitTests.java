package io.surge.ticketing.catalog.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.surge.ticketing.catalog.event.EventSnapshot;
import io.surge.ticketing.contracts.messages.EventInventoryDefined;
import io.surge.ticketing.contracts.messages.TicketIds;

class InventoryMessagesUnitTests {

    static EventSnapshot stadiumLike() {
        return new EventSnapshot(42, "Show", "Band", "concert", EventSnapshot.SCHEDULED,
                Instant.parse("2030-01-01T20:00:00Z"), Instant.parse("2029-12-01T10:00:00Z"), 3,
                new EventSnapshot.Venue(7, "Hall", "Austin", "US"),
                List.of(new EventSnapshot.Section(100, "A", 2, 3, false, 5000),
                        new EventSnapshot.Section(101, "Floor", 1, 50, true, 2500),
                        new EventSnapshot.Section(102, "B", 4, 10, false, 4000)));
    }

    @Test
    void describesEverySectionAsABlockWithARunningFirstSeatIndex() {
        EventInventoryDefined message = InventoryMessages.inventoryOf(stadiumLike());

        assertThat(message.eventId()).isEqualTo(42);
        assertThat(message.onSaleAt()).isEqualTo(Instant.parse("2029-12-01T10:00:00Z"));
        assertThat(message.sections()).extracting(EventInventoryDefined.Section::firstSeatIndex).containsExactly(0, 6, 56);
        assertThat(message.sections().get(1)).isEqualTo(new EventInventoryDefined.Section(101, "Floor", 6, 1, 50, 2500));
        assertThat(message.seatCount()).isEqualTo(96);
        assertThat(TicketIds.of(42, message.seatCount() - 1)).isEqualTo(42_000_095L);
    }

    @Test
    void roundTripsThroughTheWireFormat() throws Exception {
        EventInventoryDefined message = InventoryMessages.inventoryOf(stadiumLike());

        String json = InventoryMessages.toJson(message);

        assertThat(json).contains("\"on_sale_at\":\"2029-12-01T10:00:00Z\"").contains("\"first_seat_index\":56");
        assertThat(InventoryMessages.WIRE.readValue(json, EventInventoryDefined.class)).isEqualTo(message);
    }
}
