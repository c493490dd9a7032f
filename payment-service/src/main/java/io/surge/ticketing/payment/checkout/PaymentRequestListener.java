package io.surge.ticketing.payment.checkout;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Drains {@code payment.requests} at the provider's pace. Idempotent by attempt: only the worker whose
 * guarded claim moves the attempt from REQUESTED to CHARGING charges it; redeliveries find nothing to claim.
 * Failures never block the partition: the attempt row and the reconciler are the safety net.
 */
@Component
class PaymentRequestListener {

    private static final Logger log = LoggerFactory.getLogger(PaymentRequestListener.class);

    private final PaymentAttempts attempts;
    private final PaymentSettler settler;
    private final CheckoutProperties properties;

    PaymentRequestListener(PaymentAttempts attempts, PaymentSettler settler, CheckoutProperties properties) {
        this.attempts = attempts;
        this.settler = settler;
        this.properties = properties;
    }

    @KafkaListener(id = "${ticketing.payment.checkout.consumer-group}",
            topics = "${ticketing.payment.checkout.requests-topic}",
            concurrency = "${ticketing.payment.checkout.consumer-concurrency}")
    void onPaymentRequested(String payload) {
        PaymentRequested request;
        try {
            request = Messages.read(payload, PaymentRequested.class);
        } catch (IllegalArgumentException e) {
            log.error("dropping unreadable payment request: {}", e.getMessage());
            return;
        }
        try {
            attempts.claimRequestedForCharging(request.attemptId(), properties.attemptLease())
                    .ifPresent(settler::chargeAndSettle);
        } catch (RuntimeException e) {
            log.warn("payment attempt {} left for the reconciler: {}", request.attemptId(), e.toString());
        }
    }
}
