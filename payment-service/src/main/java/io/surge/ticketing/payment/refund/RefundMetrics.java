package io.surge.ticketing.payment.refund;

import java.util.Locale;

import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * {@code refunds.made{reason}} (recorded refunds), {@code refunds.failed{cause}} (failed tries: provider or
 * booking-service unavailable, retried; refused, for good) and {@code refunds.reconciled} (refunds the reconciler
 * finished after their worker died or gave up). Every series is exported from the start, at 0.
 */
@Component
class RefundMetrics {

    static final String CUSTOMER = "REQUESTED_BY_CUSTOMER";

    enum Cause {
        PROVIDER_UNAVAILABLE, BOOKING_UNAVAILABLE, REFUSED
    }

    private final MeterRegistry meters;
    private final Counter reconciled;

    RefundMetrics(MeterRegistry meters) {
        this.meters = meters;
        this.reconciled = Counter.builder("refunds.reconciled")
                .description("refunds finished by the reconciler after their worker crashed or gave up")
                .register(meters);
        made(CUSTOMER, 0);
        made("EVENT_CANCELLED", 0);
        for (Cause cause : Cause.values()) {
            failed(cause, 0);
        }
    }

    void made(String reason) {
        made(reason, 1);
    }

    void failed(Cause cause) {
        failed(cause, 1);
    }

    void reconciled() {
        reconciled.increment();
    }

    private void made(String reason, int count) {
        // a bounded set of tag values, whatever reason a message carries
        String tag = CUSTOMER.equals(reason) || "EVENT_CANCELLED".equals(reason) ? reason : "OTHER";
        Counter.builder("refunds.made").description("refunds made at the provider and recorded with the booking")
                .tag("reason", tag.toLowerCase(Locale.ROOT)).register(meters).increment(count);
    }

    private void failed(Cause cause, int count) {
        Counter.builder("refunds.failed").description("failed refund tries (unavailable: retried; refused: for good)")
                .tag("cause", cause.name().toLowerCase(Locale.ROOT)).register(meters).increment(count);
    }
}
