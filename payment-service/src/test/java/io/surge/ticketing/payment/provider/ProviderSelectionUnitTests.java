package io.surge.ticketing.payment.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** ticketing.payment.provider.type picks the provider: the simulator by default, Stripe when told (with a key from the env). */
class ProviderSelectionUnitTests {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties({ProviderProperties.class, SimulatedProviderProperties.class, StripeProperties.class})
    static class Jdbc {
        @Bean
        JdbcClient jdbcClient() {
            return mock(JdbcClient.class);
        }
    }

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(Jdbc.class, ProviderConfiguration.class);

    @Test
    void theSimulatorIsTheDefault() {
        context.run(app -> assertThat(app).getBean(PaymentProvider.class).isInstanceOf(SimulatedPaymentProvider.class));
    }

    @Test
    void stripeIsChosenByConfiguration() {
        context.withPropertyValues("ticketing.payment.provider.type=stripe", "ticketing.payment.provider.stripe.api-key=sk_test_123")
                .run(app -> assertThat(app).getBean(PaymentProvider.class).isInstanceOf(StripePaymentProvider.class));
    }

    @Test
    void stripeWithoutAnApiKeyRefusesToStart() {
        context.withPropertyValues("ticketing.payment.provider.type=stripe")
                .run(app -> assertThat(app).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("TICKETING_STRIPE_API_KEY"));
    }

    @Test
    void anUnknownProviderRefusesToStart() {
        context.withPropertyValues("ticketing.payment.provider.type=paypal").run(app -> assertThat(app).hasFailed());
    }

    @Test
    void underProdTheSimulatorStillRefusesToStart() {
        context.withInitializer(app -> app.getEnvironment().setActiveProfiles("prod"))
                .run(app -> assertThat(app).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("must not run under the prod profile"));
    }
}
