package io.surge.ticketing.booking.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.surge.ticketing.contracts.ErrorCode;

class EventFactsUnitTests {

    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

    @Test
    void aPublishedEventBetweenItsSaleStartAndItsShowIsSold() {
        assertThat(facts(NOW.minusSeconds(60), NOW.plusSeconds(3600), true, false).refusal(NOW)).isNull();
        assertThat(facts(null, null, true, false).refusal(NOW)).isNull();
    }

    @Test
    void aDraftDoesNotExistForFansWhateverElseIsTrue() {
        assertThat(facts(NOW.minusSeconds(60), NOW.plusSeconds(3600), false, false).refusal(NOW))
                .isEqualTo(ErrorCode.EVENT_NOT_FOUND);
        assertThat(facts(NOW.minusSeconds(60), NOW.minusSeconds(1), false, true).refusal(NOW))
                .isEqualTo(ErrorCode.EVENT_NOT_FOUND);
    }

    @Test
    void cancelledComesBeforeClosedAndClosedBeforeNotOnSale() {
        assertThat(facts(NOW.plusSeconds(60), NOW.minusSeconds(1), true, true).refusal(NOW))
                .isEqualTo(ErrorCode.EVENT_CANCELLED);
        assertThat(facts(NOW.plusSeconds(60), NOW.minusSeconds(1), true, false).refusal(NOW))
                .isEqualTo(ErrorCode.SALE_CLOSED);
        assertThat(facts(NOW.plusSeconds(60), NOW.plusSeconds(3600), true, false).refusal(NOW))
                .isEqualTo(ErrorCode.EVENT_NOT_ON_SALE);
    }

    @Test
    void theSaleClosesAtTheShowsStartExactly() {
        assertThat(facts(null, NOW, true, false).refusal(NOW)).isEqualTo(ErrorCode.SALE_CLOSED);
        assertThat(facts(null, NOW.plusMillis(1), true, false).refusal(NOW)).isNull();
    }

    @Test
    void insideItsPresaleWindowAnEventIsOnSaleBeforeItsGeneralSale_beforeAndAfterItItIsNot() {
        Instant onSale = NOW.plusSeconds(7200);
        assertThat(presale(onSale, NOW.minusSeconds(60), NOW.plusSeconds(60)).refusal(NOW)).isNull();
        assertThat(presale(onSale, NOW, NOW.plusSeconds(60)).refusal(NOW)).isNull();
        assertThat(presale(onSale, NOW.plusSeconds(1), NOW.plusSeconds(60)).refusal(NOW))
                .isEqualTo(ErrorCode.EVENT_NOT_ON_SALE);
        assertThat(presale(onSale, NOW.minusSeconds(60), NOW).refusal(NOW)).isEqualTo(ErrorCode.EVENT_NOT_ON_SALE);
        assertThat(presale(NOW.minusSeconds(1), NOW.minusSeconds(60), NOW.minusSeconds(30)).refusal(NOW)).isNull();
    }

    private static EventFacts presale(Instant onSaleAt, Instant presaleStartsAt, Instant presaleEndsAt) {
        return new EventFacts(1, 10, onSaleAt, 600, 8, false, Set.of(1L), null, null, true, presaleStartsAt,
                presaleEndsAt);
    }

    private static EventFacts facts(Instant onSaleAt, Instant startsAt, boolean published, boolean cancelled) {
        return new EventFacts(1, 10, onSaleAt, 600, 8, cancelled, Set.of(1L), startsAt, null, published);
    }
}
