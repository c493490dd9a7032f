package io.surge.ticketing.booking.availability;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class AvailabilityStoreUnitTests {

    @Test
    void seatZeroIsTheMostSignificantBitOfTheFirstByteAsRedisSetbitNumbersIt() {
        byte[] bits = AvailabilityStore.bitfield(16, List.of(0, 9, 15));
        assertThat(bits).containsExactly((byte) 0b1000_0000, (byte) 0b0100_0001);
    }

    @Test
    void theBitfieldCoversEverySeatRoundedUpToWholeBytes() {
        assertThat(AvailabilityStore.bitfield(500, List.of())).hasSize(63);
        assertThat(AvailabilityStore.bitfield(8, List.of())).hasSize(1);
        assertThat(AvailabilityStore.bitfield(0, List.of())).isEmpty();
    }
}
