package io.surge.ticketing.system.booking;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.surge.ticketing.system.Platform;

/** A fan sees and cancels only their own bookings: another fan's booking id answers 404, as if it did not exist. */
class BookingOwnershipSystemTests {

    private final Platform platform = Platform.get();

    @Test
    void anotherFansBookingCanNeitherBeReadNorCancelled() {
        SaleFixture sale = SaleFixture.onSaleNow(platform, 1, 1, 2);
        Fan owner = new Fan(platform, "owner-" + sale.eventId(), sale.eventId());
        Fan other = new Fan(platform, "other-" + sale.eventId(), sale.eventId());
        Fan.Outcome held = owner.reserve(Map.of("event_id", sale.eventId(), "section_id", sale.sectionIds().get(0),
                "quantity", 1), Duration.ofSeconds(30));
        assertThat(held.reserved()).isTrue();
        String path = "/api/v1/bookings/" + held.bookingId();

        assertThat(platform.get(path, platform.token(other.userId())).status()).isEqualTo(404);
        assertThat(other.cancel(held.bookingId()).status()).isEqualTo(404);
        assertThat(platform.get(path, platform.token(owner.userId())).status()).isEqualTo(200);
        assertThat(platform.get(path, platform.token(owner.userId())).json().path("status").asString()).isEqualTo("RESERVED");
    }
}
