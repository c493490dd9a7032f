package io.surge.ticketing.booking.decide;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.surge.ticketing.booking.bookings.BookingStatus;
import io.surge.ticketing.contracts.messages.MessageJson;

class DecisionUnitTests {

    @Test
    void survivesTheTripThroughTheDecisionBroadcast() throws Exception {
        Decision decision = new Decision(UUID.randomUUID(), 7, "u-1", BookingStatus.RESERVED, List.of(7_000_001L),
                List.of(1), List.of(), 5_000, Instant.parse("2026-11-28T10:00:00Z"), null, 3L, List.of(5_000L));

        String json = MessageJson.mapper().writeValueAsString(decision);

        assertThat(MessageJson.mapper().readValue(json, Decision.class)).isEqualTo(decision);
    }
}
