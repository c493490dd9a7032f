package io.surge.ticketing.payment.reconcile;

/**
 * Work that a crashed or stuck worker may have left half done (a charge, a refund): rows with a lease that ran out.
 * Each kind takes its stuck rows with {@code FOR UPDATE SKIP LOCKED} and a fresh lease and finishes them with the same
 * idempotent steps a live worker uses, so several replicas reconcile at once without working on the same row.
 */
public interface InDoubtWork {

    /** What this work is, for logs. */
    String name();

    /** One round: takes over what is stuck now and finishes or retries it; returns how many rows it took. */
    int resumeStuck();
}
