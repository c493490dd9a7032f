package io.surge.ticketing.search;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param alias                the read alias cdc-connector maintains
 * @param maxAge               Cache-Control max-age of search answers (a CDN absorbs popular queries)
 * @param failureRateThreshold percentage of failed (or of slow) calls in the window that opens the breaker
 * @param slidingWindowSize    seconds of the breaker's time-based window
 * @param minimumNumberOfCalls calls the window must hold before the breaker may open
 * @param openStateWait        how long the breaker fails fast before probing Elasticsearch again
 * @param slowCallThreshold    a call slower than this counts against Elasticsearch
 */
@ConfigurationProperties("search")
public record SearchProperties(
        @DefaultValue("events") String alias,
        @DefaultValue("1s") Duration maxAge,
        @DefaultValue("50") float failureRateThreshold,
        @DefaultValue("10") int slidingWindowSize,
        @DefaultValue("20") int minimumNumberOfCalls,
        @DefaultValue("5s") Duration openStateWait,
        @DefaultValue("1500ms") Duration slowCallThreshold) {
}
