package io.surge.ticketing.payment.checkout;

import java.time.Clock;

import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.scheduling.annotation.EnableScheduling;

@Configuration(proxyBeanMethods = false)
@EnableScheduling
class CheckoutConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** Keyed by booking id; partitions bound how many consumers can charge in parallel. */
    @Bean
    NewTopic paymentRequestsTopic(CheckoutProperties properties) {
        return TopicBuilder.name(properties.requestsTopic()).partitions(6).replicas(1).build();
    }

    @Bean
    NewTopic paymentEventsTopic(CheckoutProperties properties) {
        return TopicBuilder.name(properties.eventsTopic()).partitions(6).replicas(1).build();
    }
}
