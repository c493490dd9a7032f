package io.surge.ticketing.payment.refund;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import io.surge.ticketing.payment.reconcile.InDoubtWork;

/**
 * Finishes refunds in doubt: a worker killed between the provider's refund and our record (PROVIDER_REFUNDED, or
 * REQUESTED with the money already moved) left a row whose lease runs out; a failed try left one backed off. The
 * reconciler takes them over ({@code FOR UPDATE SKIP LOCKED}, a fresh lease) and runs the same idempotent steps: the
 * provider answers our booking-derived key with the refund it made, booking-service records it once.
 */
@Component
class RefundReconciler implements InDoubtWork {

    private static final Logger log = LoggerFactory.getLogger(RefundReconciler.class);

    private final BookingRefunds refunds;
    private final RefundSteps steps;
    private final RefundMetrics metrics;
    private final RefundProperties properties;

    RefundReconciler(BookingRefunds refunds, RefundSteps steps, RefundMetrics metrics, RefundProperties properties) {
        this.refunds = refunds;
        this.steps = steps;
        this.metrics = metrics;
        this.properties = properties;
    }

    @Override
    public String name() {
        return "refund";
    }

    @Override
    public int resumeStuck() {
        List<BookingRefund> stuck = refunds.claimStuckSkipLocked(properties.reconcileBatch(), properties.lease());
        // The whole batch was leased at once: hand back what this round cannot reach well within the lease (a slow
        // provider), so that no lease runs out while its refund still waits here.
        long budgetEnd = System.nanoTime() + properties.lease().toNanos() / 2;
        for (int i = 0; i < stuck.size(); i++) {
            BookingRefund refund = stuck.get(i);
            if (System.nanoTime() > budgetEnd) {
                stuck.subList(i, stuck.size()).forEach(left -> refunds.releaseLease(left.refundId()));
                log.info("refund reconciliation round out of time: {} refunds left for the next round", stuck.size() - i);
                break;
            }
            log.info("reconciling refund {} of booking {} ({})", refund.refundId(), refund.bookingId(), refund.state());
            try {
                if (steps.finish(refund).state() == BookingRefund.State.RECORDED) {
                    metrics.reconciled();
                }
            } catch (RefundDeferred e) {
                log.info("refund {} still in doubt, retried after its back-off: {}", refund.refundId(), e.getMessage());
            } catch (RuntimeException e) {
                log.warn("refund {} still in doubt, next round retries: {}", refund.refundId(), e.toString());
            }
        }
        return stuck.size();
    }
}
