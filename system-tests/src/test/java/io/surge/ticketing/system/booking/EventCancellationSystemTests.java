package io.surge.ticketing.system.booking;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import io.surge.ticketing.system.Platform;

/** Once an admin cancels an event, none of its seats can be reserved any more. */
class EventCancellationSystemTests {

    private final Platform platform = Platform.get();

    @Test
    void aCancelledEventSellsNoMoreSeats() {
        SaleFixture sale = SaleFixture.onSaleNow(platform, 1, 2, 10);
        Fan before = new Fan(platform, "before-cancel-" + sale.eventId(), sale.eventId());
        assertThat(before.reserve(Map.of("event_id", sale.eventId(), "ticket_ids", List.of(sale.ticketIds().get(0))),
                Duration.ofSeconds(30)).reserved()).isTrue();

        assertThat(platform.delete("/api/v1/admin/events/" + sale.eventId(), platform.adminToken()).status())
                .isEqualTo(204);

        Fan after = new Fan(platform, "after-cancel-" + sale.eventId(), sale.eventId());
        Awaitility.await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(300)).untilAsserted(() -> {
            Fan.Outcome outcome = after.reserve(Map.of("event_id", sale.eventId(),
                    "ticket_ids", List.of(sale.ticketIds().get(1))), Duration.ofSeconds(10));
            assertThat(outcome.status()).isEqualTo(409);
            assertThat(outcome.decision().get("code").asString()).isEqualTo("EVENT_CANCELLED");
        });
    }
}
