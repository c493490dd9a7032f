package io.surge.ticketing.payment.provider;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * One {@link PaymentProvider} per instance, chosen by {@code ticketing.payment.provider.type}: the simulator unless told
 * otherwise (it still refuses the prod profile), or Stripe.
 */
@Configuration(proxyBeanMethods = false)
class ProviderConfiguration {

    static final String TYPE = "ticketing.payment.provider.type";

    @Bean
    @ConditionalOnProperty(name = TYPE, havingValue = "simulated", matchIfMissing = true)
    PaymentProvider simulatedPaymentProvider(JdbcClient jdbc, SimulatedProviderProperties properties,
            Environment environment) {
        return new SimulatedPaymentProvider(jdbc, properties, environment);
    }

    @Bean
    @ConditionalOnProperty(name = TYPE, havingValue = "stripe")
    PaymentProvider stripePaymentProvider(StripeProperties properties) {
        return new StripePaymentProvider(properties);
    }
}
