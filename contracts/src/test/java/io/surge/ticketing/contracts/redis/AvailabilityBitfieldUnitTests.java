package io.surge.ticketing.contracts.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;

import org.junit.jupiter.api.Test;

class AvailabilityBitfieldUnitTests {

    @Test
    void seatZeroIsTheMostSignificantBitOfTheFirstByteAsRedisSetbitNumbersIt() {
        assertThat(AvailabilityBitfield.of(8, List.of(0))).containsExactly(0x80);
        assertThat(AvailabilityBitfield.of(8, List.of(7))).containsExactly(0x01);
        assertThat(AvailabilityBitfield.of(16, List.of(0, 9, 15))).containsExactly(0x80, 0x41);
        assertThat(AvailabilityBitfield.of(20, List.of(0, 1, 19))).containsExactly(0xC0, 0x00, 0x10);
        assertThat(AvailabilityBitfield.offset(9)).isEqualTo(9L);
    }

    @Test
    void aTakenSeatIsBitOneAndAFreeSeatBitZero() {
        assertThat(AvailabilityBitfield.bit(true)).isEqualTo(1);
        assertThat(AvailabilityBitfield.bit(false)).isZero();
    }

    @Test
    void theBitfieldCoversEverySeatRoundedUpToWholeBytes() {
        assertThat(AvailabilityBitfield.of(500, List.of())).hasSize(63);
        assertThat(AvailabilityBitfield.of(9, List.of(8))).containsExactly(0x00, 0x80);
        assertThat(AvailabilityBitfield.of(8, List.of())).hasSize(1);
        assertThat(AvailabilityBitfield.of(0, List.of())).isEmpty();
    }

    @Test
    void seatsOutsideTheEventAreNotWritten() {
        assertThat(AvailabilityBitfield.of(8, List.of(-1, 8, 100))).containsExactly(0x00);
    }

    @Test
    void readsBackTheSeatsItWroteAndCountsThemAsBitcountDoes() {
        byte[] bits = AvailabilityBitfield.of(20, List.of(0, 1, 19));

        assertThat(List.of(0, 1, 2, 18, 19)).map(seat -> AvailabilityBitfield.isTaken(bits, seat))
                .containsExactly(true, true, false, false, true);
        assertThat(AvailabilityBitfield.countTaken(bits)).isEqualTo(3);
    }

    @Test
    void aSeatBeyondWhatRedisHoldsIsFree() {
        byte[] grownBySetbit = {(byte) 0x80};

        assertThat(AvailabilityBitfield.isTaken(grownBySetbit, 12)).isFalse();
        assertThat(AvailabilityBitfield.padded(grownBySetbit, 20)).containsExactly(0x80, 0x00, 0x00);
        assertThat(AvailabilityBitfield.padded(grownBySetbit, 8)).isSameAs(grownBySetbit);
    }

    @Test
    void markTakenAddsASeatToAnExistingBitfield() {
        byte[] bits = AvailabilityBitfield.of(16, List.of(3));

        AvailabilityBitfield.markTaken(bits, 10);

        assertThat(bits).containsExactly(0x10, 0x20);
    }

    @Test
    void aNegativeSeatHasNoOffset() {
        assertThatIllegalArgumentException().isThrownBy(() -> AvailabilityBitfield.offset(-1));
    }
}
