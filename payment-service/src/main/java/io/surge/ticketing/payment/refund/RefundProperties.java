package io.surge.ticketing.payment.refund;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import io.surge.ticketing.contracts.Topics;

/**
 * How refunds behave ({@code ticketing.payment.refund.*}). What {@code @KafkaListener} reads through placeholders
 * ({@code requestsTopic}, {@code consumerGroup}, {@code consumerConcurrency}, {@code autoStartup}) has no default
 * here: placeholders resolve against the environment, so its one default is in application.yml.
 *
 * @param lease               how long a worker owns an unfinished refund before the reconciler may take over; above
 *                            the provider's and booking-service's worst answer time together
 * @param retryBackoff        after a failed try (provider or booking-service down) the refund waits this long, doubled
 *                            with every further failure up to {@code maxRetryBackoff}, before anyone retries it
 * @param maxRetryBackoff     the longest wait between two tries of one refund
 * @param responseWait        how long a request waits for a refund someone else is working on before answering 409
 *                            IDEMPOTENCY_KEY_IN_USE (a retry with the same key gets the outcome)
 * @param joinPollInterval    how often a waiting request or consumer looks at a refund someone else is working on
 * @param reconcileBatch      refunds the reconciler takes per round
 * @param requestsTopic       booking-service's refund requests (one per paid booking of a cancelled event)
 * @param deadLetterTopic     where refund requests that can never be carried out go, for someone to look at
 * @param consumerGroup       the consumer group (and listener id) of the refund requests
 * @param consumerConcurrency consumer threads per instance
 * @param autoStartup         whether the refund-requests consumer starts with the application (off in the test
 *                            profile, so an in-process test never joins the stack's group)
 */
@ConfigurationProperties("ticketing.payment.refund")
record RefundProperties(
        @DefaultValue("20s") Duration lease,
        @DefaultValue("1s") Duration retryBackoff,
        @DefaultValue("60s") Duration maxRetryBackoff,
        @DefaultValue("10s") Duration responseWait,
        @DefaultValue("100ms") Duration joinPollInterval,
        @DefaultValue("100") int reconcileBatch,
        String requestsTopic,
        @DefaultValue(Topics.BOOKING_REFUND_REQUESTS_DLT) String deadLetterTopic,
        String consumerGroup,
        int consumerConcurrency,
        boolean autoStartup) {
}
