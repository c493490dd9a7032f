package io.surge.ticketing.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import io.surge.ticketing.contracts.messages.TicketIds;

class SeatPickerUnitTests {

    private static final long EVENT = 42;

    @Test
    void picksOnlySeatsWhoseBitIsClear() {
        // seats 0-7 taken, 8 free, 9 taken, 10-15 free
        String bitfield = Base64.getEncoder().encodeToString(new byte[] {(byte) 0xFF, (byte) 0x40});

        for (int seed = 0; seed < 50; seed++) {
            List<Long> seats = SeatPicker.pick(EVENT, bitfield, 16, 3, new Random(seed));

            assertThat(seats).hasSize(3).doesNotHaveDuplicates()
                    .allSatisfy(ticket -> assertThat(TicketIds.seatIndexOf(ticket)).isIn(8, 10, 11, 12, 13, 14, 15))
                    .allSatisfy(ticket -> assertThat(TicketIds.eventOf(ticket)).isEqualTo(EVENT));
        }
    }

    @Test
    void aSoldOutBitfieldOffersNothing() {
        String bitfield = Base64.getEncoder().encodeToString(new byte[] {(byte) 0xFF, (byte) 0xC0});

        assertThat(SeatPicker.pick(EVENT, bitfield, 10, 1, new Random(1))).isEmpty();
        assertThat(SeatPicker.free(bitfield, 10)).isZero();
    }

    @Test
    void countsFreeSeatsWithinTheEventOnly() {
        // the padding bits after the last seat are not seats
        String bitfield = Base64.getEncoder().encodeToString(new byte[] {(byte) 0x80, 0x00});

        assertThat(SeatPicker.free(bitfield, 12)).isEqualTo(11);
    }

    @Test
    void sectionsAddUpToTheRequestedSeats() {
        assertThat(SaleSetup.sections(300)).hasSize(1);
        assertThat(SaleSetup.sections(1_210)).hasSize(3)
                .extracting(section -> (int) section.get("rows") * (int) section.get("seats_per_row"))
                .containsExactly(500, 500, 220);
        assertThat(SaleSetup.sections(7)).singleElement()
                .satisfies(section -> assertThat(section).containsEntry("rows", 1).containsEntry("seats_per_row", 7));
    }
}
