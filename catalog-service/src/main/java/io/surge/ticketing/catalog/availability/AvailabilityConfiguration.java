package io.surge.ticketing.catalog.availability;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

@Configuration(proxyBeanMethods = false)
class AvailabilityConfiguration {

    /**
     * A listener failure (the database down) retries the same record with back-off for as long as it lasts, rather
     * than skipping a sold-out flip for the ~30 s until booking says it again. Unreadable records are skipped by the
     * listener itself.
     */
    @Bean
    DefaultErrorHandler kafkaErrorHandler() {
        ExponentialBackOff backOff = new ExponentialBackOff(200, 2.0);
        backOff.setMaxInterval(5_000);
        DefaultErrorHandler handler = new DefaultErrorHandler(backOff);
        handler.setAckAfterHandle(false);
        return handler;
    }
}
