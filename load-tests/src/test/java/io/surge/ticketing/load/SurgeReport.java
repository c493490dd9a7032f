package io.surge.ticketing.load;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
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
    private final Map<String, LongAdder> refusals = new ConcurrentHashMap<>();

    void shed() {
        shed.increment();
    }

    void gaveUp() {
        gaveUp.increment();
    }

    void paid(boolean confirmed) {
        (confirmed ? paid : paymentFailed).increment();
    }

    /** A 4xx problem answer other than shedding (e.g. "409 SEATS_UNAVAILABLE"). */
    void refused(String statusAndCode) {
        refusals.computeIfAbsent(statusAndCode, k -> new LongAdder()).increment();
    }

    void abandoned() {
        abandoned.increment();
    }

    String describe() {
        return String.format("shed answers retried after Retry-After: %d; requests given up after retries: %d; "
                + "checkouts paid: %d; payments failed: %d; holds abandoned: %d",
                shed.sum(), gaveUp.sum(), paid.sum(), paymentFailed.sum(), abandoned.sum())
                + "; problem answers: " + new TreeMap<>(refusals);
    }
}
