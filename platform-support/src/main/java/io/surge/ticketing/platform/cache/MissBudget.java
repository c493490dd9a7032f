package io.surge.ticketing.platform.cache;

import java.util.function.LongSupplier;

/**
 * How many lookups per second an in-memory set may spend on the ids it does not hold. A replica's set of known ids
 * lags what another replica just created (until its next refresh); asking the database about a miss closes that gap,
 * and this budget keeps a flood of made-up ids from turning into a flood of queries: past it, a miss is answered
 * from memory as before. A token bucket of {@code perSecond} tokens, refilled continuously; thread-safe.
 */
public final class MissBudget {

    private final double perNano;
    private final double capacity;
    private final LongSupplier nanoTime;
    private double tokens;
    private long refilledAt;

    public MissBudget(int perSecond) {
        this(perSecond, System::nanoTime);
    }

    MissBudget(int perSecond, LongSupplier nanoTime) {
        if (perSecond < 1) {
            throw new IllegalArgumentException("perSecond must be at least 1");
        }
        this.perNano = perSecond / 1e9;
        this.capacity = perSecond;
        this.nanoTime = nanoTime;
        this.tokens = perSecond;
        this.refilledAt = nanoTime.getAsLong();
    }

    /** Takes one lookup from the budget; false when this second's are spent. */
    public synchronized boolean tryTake() {
        long now = nanoTime.getAsLong();
        tokens = Math.min(capacity, tokens + (now - refilledAt) * perNano);
        refilledAt = now;
        if (tokens < 1) {
            return false;
        }
        tokens -= 1;
        return true;
    }
}
