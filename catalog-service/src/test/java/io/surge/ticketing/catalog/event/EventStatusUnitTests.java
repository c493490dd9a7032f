package io.surge.ticketing.catalog.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

class EventStatusUnitTests {

    static final Instant ON_SALE_AT = Instant.parse("2030-03-01T10:00:00Z");
    static final Instant STARTS_AT = Instant.parse("2030-04-01T20:00:00Z");

    static EventSnapshot event(String state, boolean soldOut) {
        return new EventSnapshot(1, "Show", "Band", "concert", state, STARTS_AT, ON_SALE_AT, STARTS_AT,
                !EventSnapshot.DRAFT.equals(state), soldOut, 1, new EventSnapshot.Venue(1, "Hall", "Austin", "US"),
                List.of(new EventSnapshot.Section(10, "A", 2, 3, false, 5000)));
    }

    @Test
    void aPublishedEventIsScheduledThenOnSaleThenClosedByTheClock() {
        EventSnapshot event = event(EventSnapshot.PUBLISHED, false);

        assertThat(event.statusAt(ON_SALE_AT.minusMillis(1))).isEqualTo(EventStatus.SCHEDULED);
        assertThat(event.statusAt(ON_SALE_AT)).isEqualTo(EventStatus.ON_SALE);
        assertThat(event.statusAt(STARTS_AT.minusMillis(1))).isEqualTo(EventStatus.ON_SALE);
        assertThat(event.statusAt(STARTS_AT)).isEqualTo(EventStatus.CLOSED);
    }

    @Test
    void soldOutShowsOnlyWhileOnSale() {
        EventSnapshot soldOut = event(EventSnapshot.PUBLISHED, true);

        assertThat(soldOut.statusAt(ON_SALE_AT.minusSeconds(1))).isEqualTo(EventStatus.SCHEDULED);
        assertThat(soldOut.statusAt(ON_SALE_AT.plusSeconds(1))).isEqualTo(EventStatus.SOLD_OUT);
        assertThat(soldOut.statusAt(STARTS_AT)).isEqualTo(EventStatus.CLOSED);
    }

    @Test
    void draftAndCancelledHoldWhateverTheClockSays() {
        for (Instant now : List.of(ON_SALE_AT.minusSeconds(1), ON_SALE_AT, STARTS_AT.plusSeconds(1))) {
            assertThat(event(EventSnapshot.DRAFT, false).statusAt(now)).isEqualTo(EventStatus.DRAFT);
            assertThat(event(EventSnapshot.CANCELLED, true).statusAt(now)).isEqualTo(EventStatus.CANCELLED);
        }
    }

    @Test
    void eachStatusKnowsWhenTheClockEndsIt() {
        EventSnapshot event = event(EventSnapshot.PUBLISHED, false);

        assertThat(EventStatus.SCHEDULED.changesAt(event)).contains(ON_SALE_AT);
        assertThat(EventStatus.ON_SALE.changesAt(event)).contains(STARTS_AT);
        assertThat(EventStatus.SOLD_OUT.changesAt(event)).contains(STARTS_AT);
        assertThat(EventStatus.CLOSED.changesAt(event)).isEmpty();
        assertThat(EventStatus.DRAFT.changesAt(event)).isEmpty();
        assertThat(EventStatus.CANCELLED.changesAt(event)).isEmpty();
    }
}
