package io.surge.ticketing.catalog.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.surge.ticketing.catalog.event.EventSnapshot;
import io.surge.ticketing.contracts.messages.EventInventoryDefined;
import io.surge.ticketing.contracts.messages.TicketIds;

class InventoryMessagesUnitTests {

    static final Instant STARTS_AT = Instant.parse("2030-01-01T20:00:00Z");
    static final Instant ON_SALE_AT = Instant.parse("2029-12-01T10:00:00Z");
    static final Instant REFUND_DEADLINE = Instant.parse("2029-12-31T20:00:00Z");

    static EventSnapshot stadiumLike(String state) {
        return new EventSnapshot(42, "Show", "Band", "concert", state, STARTS_AT, ON_SALE_AT, REFUND_DEADLINE,
                EventSnapshot.PUBLISHED.equals(state), false, 3,
                new EventSnapshot.Venue(7, "Hall", "Austin", "US"),
                List.of(new EventSnapshot.Section(100, "A", 2, 3, false, 5000),
                        new EventSnapshot.Section(101, "Floor", 1, 50, true, 2500),
                        new EventSnapshot.Section(102, "B", 4, 10, false, 4000)));
    }

    @Test
    void describesEverySectionAsABlockWithARunningFirstSeatIndex() {
        EventInventoryDefined message = InventoryMessages.inventoryOf(stadiumLike(EventSnapshot.PUBLISHED));

        assertThat(message.eventId()).isEqualTo(42);
        assertThat(message.onSaleAt()).isEqualTo(ON_SALE_AT);
        assertThat(message.sections()).extracting(EventInventoryDefined.Section::firstSeatIndex).containsExactly(0, 6, 56);
        assertThat(message.sections().get(1)).isEqualTo(new EventInventoryDefined.Section(101, "Floor", 6, 1, 50, 2500));
        assertThat(message.seatCount()).isEqualTo(96);
        assertThat(TicketIds.of(42, message.seatCount() - 1)).isEqualTo(42_000_095L);
    }

    @Test
    void carriesTheStartTheRefundDeadlineAndWhetherItIsPublished() {
        EventInventoryDefined published = InventoryMessages.inventoryOf(stadiumLike(EventSnapshot.PUBLISHED));
        EventInventoryDefined draft = InventoryMessages.inventoryOf(stadiumLike(EventSnapshot.DRAFT));
        EventInventoryDefined cancelled = InventoryMessages.inventoryOf(stadiumLike(EventSnapshot.CANCELLED));

        assertThat(published.startsAt()).isEqualTo(STARTS_AT);
        assertThat(published.refundDeadline()).isEqualTo(REFUND_DEADLINE);
        assertThat(published.isPublished()).isTrue();
        assertThat(published.cancelled()).isFalse();
        assertThat(draft.isPublished()).isFalse();
        assertThat(draft.cancelled()).isFalse();
        assertThat(cancelled.cancelled()).isTrue();
    }

    @Test
    void roundTripsThroughTheWireFormat() throws Exception {
        EventInventoryDefined message = InventoryMessages.inventoryOf(stadiumLike(EventSnapshot.DRAFT));

        String json = InventoryMessages.toJson(message);

        assertThat(json).contains("\"on_sale_at\":\"2029-12-01T10:00:00Z\"").contains("\"first_seat_index\":56")
                .contains("\"starts_at\":\"2030-01-01T20:00:00Z\"")
                .contains("\"refund_deadline\":\"2029-12-31T20:00:00Z\"").contains("\"published\":false");
        assertThat(InventoryMessages.WIRE.readValue(json, EventInventoryDefined.class)).isEqualTo(message);
    }
}
