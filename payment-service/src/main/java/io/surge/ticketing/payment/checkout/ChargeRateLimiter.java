package io.surge.ticketing.payment.checkout;

import java.util.function.LongSupplier;

/**
 * Spaces charges evenly at most {@code perSecond} a second across all consumer threads of this instance,
 * so a surge becomes a steady leak towards the provider (the backlog waits in Kafka, not in the provider).
 */
final class ChargeRateLimiter {

    interface Sleeper {
        void sleepNanos(long nanos) throws InterruptedException;
    }

    private final long intervalNanos;
    private final LongSupplier clock;
    private final Sleeper sleeper;
    private long nextSlot;

    ChargeRateLimiter(int perSecond, LongSupplier nanoClock, Sleeper sleeper) {
        if (perSecond <= 0) {
            throw new IllegalArgumentException("perSecond must be positive");
        }
        this.intervalNanos = 1_000_000_000L / perSecond;
        this.clock = nanoClock;
        this.sleeper = sleeper;
        this.nextSlot = nanoClock.getAsLong();
    }

    static ChargeRateLimiter perSecond(int perSecond) {
        return new ChargeRateLimiter(perSecond, System::nanoTime,
                nanos -> Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000)));
    }

    /** Blocks until this caller's slot comes; returns the nanoseconds waited. */
    long acquire() throws InterruptedException {
        long wait;
        synchronized (this) {
            long now = clock.getAsLong();
            long slot = Math.max(now, nextSlot);
            nextSlot = slot + intervalNanos;
            wait = slot - now;
        }
        if (wait > 0) {
            sleeper.sleepNanos(wait);
        }
        return wait;
    }
}
