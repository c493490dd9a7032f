package io.surge.ticketing.booking.decide;

import java.util.concurrent.locks.LockSupport;

/**
 * The controlled leak: paces decisions to at most {@code perSecond} across this instance's consumer threads
 * (a token bucket with one second of burst). Blocking a consumer thread is the point: the surge waits in Kafka.
 */
final class DecisionRate {

    private final double perNano;
    private final double burst;
    private double available;
    private long last = System.nanoTime();

    DecisionRate(int perSecond) {
        this.perNano = perSecond / 1e9;
        this.burst = perSecond;
        this.available = perSecond;
    }

    void acquire(int permits) {
        long waitNanos;
        synchronized (this) {
            long now = System.nanoTime();
            available = Math.min(burst, available + (now - last) * perNano);
            last = now;
            available -= permits;
            waitNanos = available >= 0 ? 0 : (long) (-available / perNano);
        }
        if (waitNanos > 0) {
            LockSupport.parkNanos(waitNanos);
        }
    }

}
