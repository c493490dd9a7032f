package io.surge.ticketing.search;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig.SlidingWindowType;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.surge.ticketing.search.query.EventQueryBuilder;
import io.surge.ticketing.search.query.SearchRejectedException;
import io.surge.ticketing.search.query.SearchUnavailableException;

@Configuration(proxyBeanMethods = false)
class SearchConfiguration {

    /** "Now" for the upcoming-only filter and the lifecycle status of each result. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    EventQueryBuilder eventQueryBuilder(Clock clock) {
        return new EventQueryBuilder(clock);
    }

    /**
     * Fails fast while Elasticsearch is failing or slow, so search answers 503 in milliseconds instead of tying
     * up threads on timeouts; half-open probes find out when it is back. Only Elasticsearch's own failures count
     * (5xx, timeouts, no connection: {@link SearchUnavailableException}); a search it refuses as invalid (4xx) is
     * ignored, so anonymous bad input cannot open it. The window is time-based (the last N seconds) with a minimum
     * number of calls, so a handful of requests never decides it.
     */
    @Bean
    CircuitBreaker elasticsearchBreaker(SearchProperties p, MeterRegistry meters) {
        CircuitBreaker breaker = CircuitBreaker.of("elasticsearch", CircuitBreakerConfig.custom()
                .failureRateThreshold(p.failureRateThreshold())
                .slowCallRateThreshold(p.failureRateThreshold())
                .slowCallDurationThreshold(p.slowCallThreshold())
                .slidingWindowType(SlidingWindowType.TIME_BASED)
                .slidingWindowSize(p.slidingWindowSize())
                .minimumNumberOfCalls(p.minimumNumberOfCalls())
                .recordExceptions(SearchUnavailableException.class)
                .ignoreExceptions(SearchRejectedException.class)
                .waitDurationInOpenState(p.openStateWait())
                .permittedNumberOfCallsInHalfOpenState(2)
                .automaticTransitionFromOpenToHalfOpenEnabled(true)
                .build());
        Gauge.builder("search.elasticsearch.breaker.open", breaker,
                b -> b.getState() == CircuitBreaker.State.OPEN ? 1 : 0).register(meters);
        return breaker;
    }
}
