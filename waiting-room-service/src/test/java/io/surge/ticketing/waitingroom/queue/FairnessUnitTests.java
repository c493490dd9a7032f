package io.surge.ticketing.waitingroom.queue;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The statistics must be able to fail: a queue in join order is as unfair as it gets. */
class FairnessUnitTests {

    @Test
    void aQueueInJoinOrderIsPerfectlyCorrelatedAndFailsTheChiSquareTests() {
        long[] fifo = new long[1000];
        for (int i = 0; i < fifo.length; i++) {
            fifo[i] = i + 1;
        }

        assertThat(Fairness.spearman(fifo)).isEqualTo(1.0);
        assertThat(Fairness.chiSquareJoinOrderByPlace(fifo, 10)).isGreaterThan(126.08);
        assertThat(Fairness.chiSquareOfEarliest(fifo, 100, 10)).isGreaterThan(27.88);
    }

    @Test
    void aReversedQueueIsPerfectlyAntiCorrelated() {
        long[] reversed = new long[1000];
        for (int i = 0; i < reversed.length; i++) {
            reversed[i] = reversed.length - i;
        }

        assertThat(Fairness.spearman(reversed)).isEqualTo(-1.0);
    }
}
