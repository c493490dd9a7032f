package io.surge.ticketing.payment.checkout;

import java.time.Clock;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

import io.surge.ticketing.contracts.admission.AdmissionKeys;

/** The platform's topics (payment.requests, payment.events) are declared by platform-support. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableConfigurationProperties(AdmissionKeys.class)
class CheckoutConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
