package io.surge.ticketing.payment.checkout;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import io.surge.ticketing.contracts.Topics;

/**
 * How checkout behaves ({@code ticketing.payment.checkout.*}; the admission-token keys are the platform's
 * {@code ticketing.admission.*}, contracts {@code AdmissionKeys}). The settings {@code @KafkaListener} and
 * {@code @Scheduled} read through placeholders have no default here: placeholders resolve against the environment,
 * so their one default is in application.yml.
 *
 * @param responseWait          how long the API waits for the outcome before answering 409 IDEMPOTENCY_KEY_IN_USE
 *                              (the client retries with the same key); must exceed the provider's slow path
 * @param attemptLease          how long a worker owns an unsettled attempt before the reconciler may take over;
 *                              far above the provider's worst latency so nobody works on a live attempt
 * @param inflightTtl           TTL of {@code payment:inflight:{bookingId}}; longer than the provider's worst latency
 * @param republishAfter        a REQUESTED attempt nobody picked up for this long is published again
 * @param maxChargesPerSecond   the rate the consumers charge at, whatever the surge (protects the provider)
 * @param reconcileBatch        attempts the reconciler takes per round
 * @param keyRetention          completed idempotency keys are kept at least this long
 * @param requestsTopic         where the API buffers payment requests (and the consumers read them)
 * @param eventsTopic           where outcomes are published
 * @param consumerGroup         the consumer group (and listener id) of the payment requests
 * @param consumerConcurrency   consumer threads per instance
 * @param reconcileInterval     how often the reconciler finishes in-doubt attempts and refunds
 * @param keyCleanupInterval    how often completed idempotency keys past {@code keyRetention} are deleted
 * @param waiterPollInterval    how often parked requests (payments and refunds) look for their outcome
 */
@ConfigurationProperties("ticketing.payment.checkout")
record CheckoutProperties(
        @DefaultValue("10s") Duration responseWait,
        @DefaultValue("30s") Duration attemptLease,
        @DefaultValue("60s") Duration inflightTtl,
        @DefaultValue("30s") Duration republishAfter,
        @DefaultValue("200") int maxChargesPerSecond,
        @DefaultValue("100") int reconcileBatch,
        @DefaultValue("24h") Duration keyRetention,
        String requestsTopic,
        @DefaultValue(Topics.PAYMENT_EVENTS) String eventsTopic,
        String consumerGroup,
        int consumerConcurrency,
        Duration reconcileInterval,
        Duration keyCleanupInterval,
        Duration waiterPollInterval) {
}
