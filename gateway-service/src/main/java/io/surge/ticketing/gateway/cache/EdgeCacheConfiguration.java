package io.surge.ticketing.gateway.cache;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.micrometer.core.instrument.MeterRegistry;

/** The edge cache answers in two places of the filter chain, one for anonymous requests and one for the others. */
@Configuration(proxyBeanMethods = false)
class EdgeCacheConfiguration {

    @Bean
    EdgeCacheFilter anonymousEdgeCache(EdgeCacheProperties properties, EdgeCacheStore store, MeterRegistry meters) {
        return new EdgeCacheFilter(true, properties, store, meters);
    }

    @Bean
    EdgeCacheFilter authenticatedEdgeCache(EdgeCacheProperties properties, EdgeCacheStore store, MeterRegistry meters) {
        return new EdgeCacheFilter(false, properties, store, meters);
    }
}
