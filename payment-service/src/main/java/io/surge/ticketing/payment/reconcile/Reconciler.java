package io.surge.ticketing.payment.reconcile;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Finishes the in-doubt work of every kind on one schedule ({@code ticketing.payment.checkout.reconcile-interval}); a failing
 * kind never stops the others, and the next round retries it.
 */
@Component
class Reconciler {

    private static final Logger log = LoggerFactory.getLogger(Reconciler.class);

    private final List<InDoubtWork> work;

    Reconciler(List<InDoubtWork> work) {
        this.work = work;
    }

    @Scheduled(fixedDelayString = "${ticketing.payment.checkout.reconcile-interval}",
            initialDelayString = "${ticketing.payment.checkout.reconcile-interval}")
    void reconcile() {
        for (InDoubtWork kind : work) {
            try {
                kind.resumeStuck();
            } catch (RuntimeException e) {
                log.warn("{} reconciliation round failed: {}", kind.name(), e.toString());
            }
        }
    }
}
