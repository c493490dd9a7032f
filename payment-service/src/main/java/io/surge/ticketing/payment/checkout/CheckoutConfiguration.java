package io.surge.ticketing.payment.checkout;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The platform's topics (payment.requests, payment.events) are declared by platform-support. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class CheckoutConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
