package io.surge.ticketing.cleanup.bitfield;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class BitfieldsUnitTests {

    @Test
    void seatZeroIsTheMostSignificantBitOfTheFirstByte() {
        assertThat(Bitfields.of(8, List.of(0))).containsExactly((byte) 0x80);
        assertThat(Bitfields.of(8, List.of(7))).containsExactly((byte) 0x01);
    }

    @Test
    void theLengthIsTheSeatCountRoundedUpToWholeBytes() {
        assertThat(Bitfields.of(0, List.of())).isEmpty();
        assertThat(Bitfields.of(9, List.of(8))).containsExactly((byte) 0x00, (byte) 0x80);
        assertThat(Bitfields.of(20, List.of(0, 1, 19))).containsExactly((byte) 0xC0, (byte) 0x00, (byte) 0x10);
    }

    @Test
    void seatsOutsideTheEventAreIgnored() {
        assertThat(Bitfields.of(8, List.of(-1, 8, 100))).containsExactly((byte) 0x00);
    }
}
