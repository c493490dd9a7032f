package io.surge.ticketing.load;

import java.util.concurrent.atomic.LongAdder;

/**
 * What Gatling's request statistics do not say about a sale: how often the platform shed load (and fans waited
 * the Retry-After it named), how many fans gave up, paid or walked away.
 */
final class SurgeReport {

    private final LongAdder shed = new LongAdder();
    private final LongAdder gaveUp = new LongAdder();
    private final LongAdder paid = new LongAdder();
    private final LongAdder paymentFailed = new LongAdder();
    private final LongAdder abandoned = new LongAdder();

    void shed() {
        shed.increment();
    }

    void gaveUp() {
        gaveUp.increment();
    }

    void paid(boolean confirmed) {
        (confirmed ? paid : paymentFailed).increment();
    }

    void abandoned() {
        abandoned.increment();
    }

    String describe() {
        return String.format("shed answers retried after Retry-After: %d; requests given up after retries: %d; "
                + "checkouts paid: %d; payments failed: %d; holds abandoned: %d",
                shed.sum(), gaveUp.sum(), paid.sum(), paymentFailed.sum(), abandoned.sum());
    }
}
