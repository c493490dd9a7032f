package io.surge.ticketing.payment.checkout;

import java.time.Clock;
import java.util.Locale;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.surge.ticketing.contracts.messages.PaymentEvent;
import io.surge.ticketing.payment.idempotency.IdempotencyKeys;
import io.surge.ticketing.payment.idempotency.StoredResponse;

/**
 * Makes an attempt's outcome final: one transaction moves the attempt to its final state and stores the
 * answer under the client's key (or frees the key for 5xx answers); then waiting requests are answered, the
 * outcome is counted and published. Whoever settles first wins; later settlers change nothing.
 */
@Component
class Settlements {

    private static final Logger log = LoggerFactory.getLogger(Settlements.class);

    enum Outcome {
        CONFIRMED(PaymentAttempt.State.CONFIRMED, PaymentEvent.Type.PAYMENT_CONFIRMED),
        PAYMENT_DECLINED(PaymentAttempt.State.DECLINED, PaymentEvent.Type.PAYMENT_DECLINED),
        /** The hold was gone: refunded if a charge was made, or never charged. */
        HOLD_EXPIRED(PaymentAttempt.State.REFUNDED, PaymentEvent.Type.PAYMENT_REFUNDED),
        PAYMENT_PROVIDER_ERROR(PaymentAttempt.State.FAILED, PaymentEvent.Type.PAYMENT_FAILED),
        SERVICE_UNAVAILABLE(PaymentAttempt.State.FAILED, PaymentEvent.Type.PAYMENT_FAILED);

        final PaymentAttempt.State state;
        final PaymentEvent.Type eventType;

        Outcome(PaymentAttempt.State state, PaymentEvent.Type eventType) {
            this.state = state;
            this.eventType = eventType;
        }
    }

    private final PaymentAttempts attempts;
    private final IdempotencyKeys keys;
    private final Responses responses;
    private final OutcomeWaiters waiters;
    private final TransactionTemplate tx;
    private final KafkaTemplate<String, String> kafka;
    private final CheckoutProperties properties;
    private final MeterRegistry meters;
    private final Clock clock;

    Settlements(PaymentAttempts attempts, IdempotencyKeys keys, Responses responses, OutcomeWaiters waiters,
            TransactionTemplate tx, KafkaTemplate<String, String> kafka, CheckoutProperties properties,
            MeterRegistry meters, Clock clock) {
        this.attempts = attempts;
        this.keys = keys;
        this.responses = responses;
        this.waiters = waiters;
        this.tx = tx;
        this.kafka = kafka;
        this.properties = properties;
        this.meters = meters;
        this.clock = clock;
        // every outcome is exported from the start (at 0), so dashboards and alerts see the series before the sale
        for (Outcome outcome : Outcome.values()) {
            counter(outcome);
        }
    }

    /** @return true when this call settled the attempt (false: it was settled already) */
    boolean settle(PaymentAttempt attempt, Outcome outcome) {
        StoredResponse response = responses.forOutcome(outcome.name(), attempt.bookingId(), attempt.paymentId());
        Boolean settled = tx.execute(status -> {
            if (!attempts.settle(attempt.attemptId(), outcome.state, outcome.name())) {
                return false;
            }
            if (response.storable()) {
                keys.complete(attempt.attemptId(), response);
            } else {
                keys.release(attempt.attemptId());
            }
            return true;
        });
        if (!Boolean.TRUE.equals(settled)) {
            return false;
        }
        waiters.settled(attempt.attemptId(), response);
        counter(outcome).increment();
        publish(attempt, outcome);
        return true;
    }

    private Counter counter(Outcome outcome) {
        return Counter.builder("payments.outcome")
                .description("settled payment attempts by result")
                .tag("result", outcome.name().toLowerCase(Locale.ROOT))
                .register(meters);
    }

    /**
     * Best effort after the commit: nothing in the platform decides state from payment.events (booking-service's
     * own outbox carries BOOKING_CONFIRMED), so a lost outcome event costs an audit line, not a seat.
     */
    private void publish(PaymentAttempt attempt, Outcome outcome) {
        PaymentEvent event = new PaymentEvent(UUID.randomUUID(), outcome.eventType, attempt.attemptId(),
                attempt.bookingId(), attempt.eventId(), attempt.userId(), attempt.amountCents(),
                attempt.providerChargeId(), outcome.name(), clock.instant());
        try {
            kafka.send(properties.eventsTopic(), attempt.bookingId().toString(), Messages.write(event))
                    .whenComplete((result, failure) -> {
                        if (failure != null) {
                            log.warn("payment event for attempt {} not published: {}", attempt.attemptId(), failure.toString());
                        }
                    });
        } catch (RuntimeException e) {
            log.warn("payment event for attempt {} not published: {}", attempt.attemptId(), e.toString());
        }
    }
}
