package io.surge.ticketing.booking.bookings;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.surge.ticketing.booking.bookings.BookingRepository.FanTickets;

/** How long the API may trust a fan's last decided ticket count: never past the moment it may drop on its own. */
class LiveTicketsUnitTests {

    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");
    private static final Duration MAX = Duration.ofSeconds(30);

    @Test
    void aCountWithAHoldLastsUntilTheFirstHoldMayExpire() {
        assertThat(LiveTickets.ttl(new FanTickets(4, NOW.plusSeconds(12)), NOW, MAX)).isEqualTo(Duration.ofSeconds(12));
    }

    @Test
    void aCountLastsAtMostTheConfiguredTtl_soADriftNoOneHereSawEndsSoon() {
        assertThat(LiveTickets.ttl(new FanTickets(4, NOW.plusSeconds(600)), NOW, MAX)).isEqualTo(MAX);
        assertThat(LiveTickets.ttl(new FanTickets(4, null), NOW, MAX)).isEqualTo(MAX);
    }

    @Test
    void aHoldPastItsExpiryButNotReleasedYetIsTrustedOnlyBriefly() {
        assertThat(LiveTickets.ttl(new FanTickets(4, NOW.minusSeconds(3)), NOW, MAX)).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void aNewHoldCountsItsSeatsAndMayBeTheFirstToExpire() {
        FanTickets sold = new FanTickets(2, null);
        FanTickets held = sold.plusHold(2, NOW.plusSeconds(600)).plusHold(1, NOW.plusSeconds(900));

        assertThat(held).isEqualTo(new FanTickets(5, NOW.plusSeconds(600)));
    }
}
