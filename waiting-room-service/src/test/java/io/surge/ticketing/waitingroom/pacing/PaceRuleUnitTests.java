package io.surge.ticketing.waitingroom.pacing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class PaceRuleUnitTests {

    private final PaceRule rule = new PaceRule(5_000, 500, 0.1, 0.1);

    @Test
    void aDeepBacklogHalvesThePaceDownToTheFloor() {
        assertThat(rule.next(1.0, 6_000)).isEqualTo(0.5);
        assertThat(rule.next(0.5, 6_000)).isEqualTo(0.25);
        assertThat(rule.next(0.15, 60_000)).isEqualTo(0.1);
        assertThat(rule.next(0.1, 60_000)).isEqualTo(0.1);
    }

    @Test
    void aDrainedBufferRecoversStepByStepUpToTheConfiguredRate() {
        assertThat(rule.next(0.25, 100)).isCloseTo(0.35, within(1e-9));
        assertThat(rule.next(0.95, 0)).isEqualTo(1.0);
        assertThat(rule.next(1.0, 0)).isEqualTo(1.0);
    }

    @Test
    void inBetweenThePaceHolds() {
        assertThat(rule.next(0.5, 2_000)).isEqualTo(0.5);
    }
}
