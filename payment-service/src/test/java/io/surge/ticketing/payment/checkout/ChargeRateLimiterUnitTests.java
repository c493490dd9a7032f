package io.surge.ticketing.payment.checkout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class ChargeRateLimiterUnitTests {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final List<Long> slept = new ArrayList<>();
    private final ChargeRateLimiter limiter = new ChargeRateLimiter(100, now::get, nanos -> {
        slept.add(nanos);
        now.addAndGet(nanos);
    });

    @Test
    void aBurstIsSpacedEvenlyAtTheConfiguredRate() throws InterruptedException {
        for (int i = 0; i < 5; i++) {
            limiter.acquire();
        }

        assertThat(slept).containsExactly(10_000_000L, 10_000_000L, 10_000_000L, 10_000_000L);
    }

    @Test
    void idleTimeIsNotBankedIntoABurst() throws InterruptedException {
        limiter.acquire();
        now.addAndGet(5_000_000_000L);

        long first = limiter.acquire();
        long second = limiter.acquire();

        assertThat(first).isZero();
        assertThat(second).isEqualTo(10_000_000L);
    }

    @Test
    void refusesANonPositiveRate() {
        assertThatThrownBy(() -> new ChargeRateLimiter(0, now::get, nanos -> { }))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
