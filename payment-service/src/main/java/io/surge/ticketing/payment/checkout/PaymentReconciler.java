package io.surge.ticketing.payment.checkout;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

import io.surge.ticketing.payment.reconcile.InDoubtWork;

/**
 * Finishes payments in doubt: attempts whose worker crashed between charge and confirm (CHARGING or CHARGED
 * with an expired lease) are looked up at the provider by our key and confirmed or refunded; requests whose
 * Kafka message was lost are published again. Safe on several replicas: each attempt is taken with
 * {@code FOR UPDATE SKIP LOCKED} and a fresh lease. Scheduled with the other in-doubt work by the reconcile package.
 */
@Component
class PaymentReconciler implements InDoubtWork {

    private static final Logger log = LoggerFactory.getLogger(PaymentReconciler.class);

    private final PaymentAttempts attempts;
    private final PaymentSettler settler;
    private final Settlements settlements;
    private final KafkaTemplate<String, String> kafka;
    private final CheckoutProperties properties;
    private final Clock clock;

    PaymentReconciler(PaymentAttempts attempts, PaymentSettler settler, Settlements settlements,
            KafkaTemplate<String, String> kafka, CheckoutProperties properties, Clock clock) {
        this.attempts = attempts;
        this.settler = settler;
        this.settlements = settlements;
        this.kafka = kafka;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "payment";
    }

    @Override
    public int resumeStuck() {
        return reconcileOnce();
    }

    /** One round; returns how many attempts it took over. */
    int reconcileOnce() {
        var stuck = attempts.claimStuckSkipLocked(properties.reconcileBatch(), properties.attemptLease());
        for (PaymentAttempt attempt : stuck) {
            try {
                switch (attempt.state()) {
                    case REQUESTED -> requeue(attempt);
                    case CHARGING, CHARGED -> {
                        log.info("reconciling attempt {} of booking {} ({})", attempt.attemptId(), attempt.bookingId(),
                                attempt.state());
                        settler.resume(attempt);
                    }
                    default -> { }
                }
            } catch (RuntimeException e) {
                log.warn("attempt {} still in doubt, next round retries: {}", attempt.attemptId(), e.toString());
            }
        }
        return stuck.size();
    }

    private void requeue(PaymentAttempt attempt) {
        if (attempt.holdExpiredAt(clock.instant())) {
            settlements.settle(attempt, Settlements.Outcome.HOLD_EXPIRED);
            return;
        }
        kafka.send(properties.requestsTopic(), attempt.bookingId().toString(),
                Messages.write(new PaymentRequested(attempt.attemptId(), attempt.bookingId())));
    }
}
