package io.surge.ticketing.search;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Search's settings ({@code ticketing.search.*}), defaults here only. Readiness does not include Elasticsearch on
 * purpose: while it is down this service stays in rotation and answers a fast 503 problem+json (circuit breaker)
 * instead of disappearing; {@code /actuator/health} still shows it. The breaker counts only Elasticsearch's own
 * failures (5xx, timeouts, no connection) and slow calls, never a search it refuses as invalid (4xx, answered 400),
 * over a time-based window: the last {@code slidingWindowSize} seconds, once they hold at least
 * {@code minimumNumberOfCalls} calls.
 *
 * @param alias                the read alias cdc-connector maintains
 * @param maxAge               Cache-Control max-age of search answers (a CDN absorbs popular queries)
 * @param failureRateThreshold percentage of failed (or of slow) calls in the window that opens the breaker
 * @param slidingWindowSize    seconds of the breaker's time-based window
 * @param minimumNumberOfCalls calls the window must hold before the breaker may open
 * @param openStateWait        how long the breaker fails fast before probing Elasticsearch again
 * @param slowCallThreshold    a call slower than this counts against Elasticsearch
 */
@ConfigurationProperties("ticketing.search")
public record SearchProperties(
        @DefaultValue("events") String alias,
        @DefaultValue("1s") Duration maxAge,
        @DefaultValue("50") float failureRateThreshold,
        @DefaultValue("10") int slidingWindowSize,
        @DefaultValue("20") int minimumNumberOfCalls,
        @DefaultValue("5s") Duration openStateWait,
        @DefaultValue("1500ms") Duration slowCallThreshold) {
}
