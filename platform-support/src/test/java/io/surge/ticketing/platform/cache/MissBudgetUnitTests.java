package io.surge.ticketing.platform.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class MissBudgetUnitTests {

    private final AtomicLong now = new AtomicLong();
    private final MissBudget budget = new MissBudget(20, now::get);

    private int taken(int tries) {
        int taken = 0;
        for (int i = 0; i < tries; i++) {
            taken += budget.tryTake() ? 1 : 0;
        }
        return taken;
    }

    @Test
    void aFloodOfMissesSpendsOnlyTheSecondsBudget() {
        assertThat(taken(10_000)).isEqualTo(20);
        now.addAndGet(500_000_000L);
        assertThat(taken(10_000)).isEqualTo(10);
    }

    @Test
    void anIdleBudgetRefillsOnlyToItsSize() {
        now.addAndGet(60_000_000_000L);
        assertThat(taken(1_000)).isEqualTo(20);
    }

    @Test
    void aBudgetOfNothingIsRefused() {
        assertThatThrownBy(() -> new MissBudget(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
