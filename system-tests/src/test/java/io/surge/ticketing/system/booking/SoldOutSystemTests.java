package io.surge.ticketing.system.booking;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import io.surge.ticketing.system.Platform;

/**
 * The tail of a sold-out surge drains at the door: once a section has nothing left, a best-available request for
 * it is refused at once (409 SEATS_UNAVAILABLE, {@code sold_out}), without a trip through the buffer; a seat that
 * comes back reopens the section for the next request.
 */
class SoldOutSystemTests {

    private final Platform platform = Platform.get();

    @Test
    void aSoldOutSectionIsRefusedAtOnceAndReopensWhenASeatComesBack() {
        SaleFixture sale = SaleFixture.onSaleNow(platform, 1, 1, 3);
        Map<String, Object> oneSeat = Map.of("event_id", sale.eventId(), "section_id", sale.sectionIds().get(0), "quantity", 1);
        List<Fan> holders = new ArrayList<>();
        List<String> bookings = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Fan fan = new Fan(platform, "sold-out-" + i + "-" + sale.eventId(), sale.eventId());
            Fan.Outcome outcome = fan.reserve(oneSeat, Duration.ofSeconds(30));
            assertThat(outcome.reserved()).as("seat %d of 3", i + 1).isTrue();
            holders.add(fan);
            bookings.add(outcome.bookingId());
        }

        Fan late = new Fan(platform, "sold-out-late-" + sale.eventId(), sale.eventId());
        Fan.Outcome decided = late.reserve(oneSeat, Duration.ofSeconds(30));
        assertThat(decided.status()).isEqualTo(409);
        assertThat(decided.decision().path("code").asString(decided.decision().path("reason").asString()))
                .isEqualTo("SEATS_UNAVAILABLE");
        Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            Fan.Outcome atTheDoor = late.reserve(oneSeat, Duration.ofSeconds(10));
            assertThat(atTheDoor.status()).isEqualTo(409);
            assertThat(atTheDoor.decision().path("code").asString()).isEqualTo("SEATS_UNAVAILABLE");
            assertThat(atTheDoor.decision().path("sold_out").asBoolean()).as("refused without the buffer").isTrue();
            assertThat(atTheDoor.bookingId()).as("nothing was buffered").isNull();
        });

        assertThat(holders.get(1).cancel(bookings.get(1)).status()).isEqualTo(200);
        Fan.Outcome reopened = late.reserve(oneSeat, Duration.ofSeconds(30));
        assertThat(reopened.reserved()).as("the released seat is sold again: %s", reopened.decision()).isTrue();
    }
}
