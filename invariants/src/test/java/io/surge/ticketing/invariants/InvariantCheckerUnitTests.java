package io.surge.ticketing.invariants;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class InvariantCheckerUnitTests {

    @Test
    void namesTheSeatsWhoseBitsDiffer() {
        byte[] postgres = {(byte) 0b1010_0000, 0};
        byte[] redis = {(byte) 0b1000_0000, 1};

        assertThat(InvariantChecker.differingSeats(postgres, redis)).containsExactly(2, 15);
    }

    @Test
    void aBitfieldRedisHoldsShorterHasFreeSeatsWhereItEnds() {
        byte[] postgres = {(byte) 0b1000_0000, (byte) 0b0000_0001};
        byte[] redis = {(byte) 0b1000_0000};

        assertThat(InvariantChecker.differingSeats(postgres, redis)).containsExactly(15);
        assertThat(InvariantChecker.differingSeats(new byte[2], redis)).containsExactly(0);
    }

    @Test
    void aReportWithAViolationDoesNotHold() {
        InvariantReport report = new InvariantReport();
        report.checked(InvariantChecker.NO_DOUBLE_BOOKING);
        report.checked(InvariantChecker.BITFIELD_MATCHES);
        report.violated(InvariantChecker.NO_DOUBLE_BOOKING, "ticket 1 in bookings {a,b}");

        assertThat(report.holds()).isFalse();
        assertThat(report.describe()).contains("[BROKEN x1] no seat in two live bookings")
                .contains("[ok] availability bitfield equals Postgres");
    }
}
