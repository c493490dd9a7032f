package io.surge.ticketing.booking.bookings;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.skyscreamer.jsonassert.JSONCompareMode;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.json.JsonTest;
import org.springframework.boot.test.json.JacksonTester;
import org.springframework.boot.test.json.JsonContent;

/**
 * A booking as clients read it ({@code ../shared/API.md}, "Bookings"), through the service's own JSON settings
 * ({@code @JsonTest}): snake_case members, ISO instants, and members a booking does not have left out rather than
 * sent as null, so the PENDING answer of a reserve is just its id, status and event.
 */
@JsonTest
class BookingViewJsonUnitTests {

    private static final UUID BOOKING = UUID.fromString("0b6f3c1e-4a52-4f0e-9d1b-6c2a7e8f9a01");

    @Autowired
    JacksonTester<BookingView> json;

    @Test
    void aHoldReadsAsTheContractSays() throws Exception {
        JsonContent<BookingView> written = json.write(new BookingView(BOOKING, BookingStatus.RESERVED, 42L,
                List.of(1017L, 1018L), Instant.parse("2030-05-01T10:10:00Z"), 15_000L, null, null, List.of(), null));

        assertThat(written).extractingJsonPathStringValue("$.booking_id").isEqualTo(BOOKING.toString());
        assertThat(written).extractingJsonPathStringValue("$.status").isEqualTo("RESERVED");
        assertThat(written).extractingJsonPathNumberValue("$.event_id").isEqualTo(42);
        assertThat(written).extractingJsonPathArrayValue("$.ticket_ids").containsExactly(1017, 1018);
        assertThat(written).extractingJsonPathStringValue("$.expires_at").isEqualTo("2030-05-01T10:10:00Z");
        assertThat(written).extractingJsonPathNumberValue("$.total_cents").isEqualTo(15_000);
        assertThat(written).doesNotHaveJsonPath("$.payment_id");
        assertThat(written).doesNotHaveJsonPath("$.reason");
        assertThat(written).doesNotHaveJsonPath("$.unavailable_ticket_ids");
        assertThat(written).doesNotHaveJsonPath("$.refund_id");
    }

    @Test
    void aRejectionNamesItsReasonAndTheSeatsThatWereTaken() throws Exception {
        JsonContent<BookingView> written = json.write(new BookingView(BOOKING, BookingStatus.REJECTED, 42L,
                List.of(1017L, 1018L), null, null, null, "SEATS_UNAVAILABLE", List.of(1018L), null));

        assertThat(written).extractingJsonPathStringValue("$.reason").isEqualTo("SEATS_UNAVAILABLE");
        assertThat(written).extractingJsonPathArrayValue("$.unavailable_ticket_ids").containsExactly(1018);
    }

    @Test
    void aPendingReservationIsOnlyItsIdStatusAndEvent() throws Exception {
        assertThat(json.write(BookingView.pending(BOOKING, 42))).isEqualToJson("""
                {"booking_id": "0b6f3c1e-4a52-4f0e-9d1b-6c2a7e8f9a01", "status": "PENDING", "event_id": 42}
                """, JSONCompareMode.STRICT);
    }
}
