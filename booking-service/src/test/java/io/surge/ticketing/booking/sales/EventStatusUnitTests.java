package io.surge.ticketing.booking.sales;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.surge.ticketing.booking.inventory.EventFacts;

class EventStatusUnitTests {

    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

    @Test
    void anOpenSaleIsOnSaleWhileASeatIsFreeAndSoldOutWhenNone() {
        EventFacts open = facts(NOW.minusSeconds(60), NOW.plusSeconds(3600), true, false);

        assertThat(EventStatus.of(open, 1, NOW)).isEqualTo(EventStatus.ON_SALE);
        assertThat(EventStatus.of(open, 0, NOW)).isEqualTo(EventStatus.SOLD_OUT);
    }

    @Test
    void beforeTheSaleScheduledFromTheShowClosed() {
        assertThat(EventStatus.of(facts(NOW.plusSeconds(60), NOW.plusSeconds(3600), true, false), 10, NOW))
                .isEqualTo(EventStatus.SCHEDULED);
        assertThat(EventStatus.of(facts(NOW.minusSeconds(60), NOW, true, false), 10, NOW))
                .isEqualTo(EventStatus.CLOSED);
    }

    @Test
    void cancelledWinsOverDraftAndDraftOverTheClock() {
        assertThat(EventStatus.of(facts(NOW.minusSeconds(60), NOW.minusSeconds(1), false, true), 0, NOW))
                .isEqualTo(EventStatus.CANCELLED);
        assertThat(EventStatus.of(facts(NOW.minusSeconds(60), NOW.minusSeconds(1), false, false), 0, NOW))
                .isEqualTo(EventStatus.DRAFT);
    }

    private static EventFacts facts(Instant onSaleAt, Instant startsAt, boolean published, boolean cancelled) {
        return new EventFacts(1, 10, onSaleAt, 600, 8, cancelled, Set.of(1L), startsAt, null, published);
    }
}
