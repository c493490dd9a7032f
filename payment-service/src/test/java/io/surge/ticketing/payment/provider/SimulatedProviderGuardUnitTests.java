package io.surge.ticketing.payment.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.env.MockEnvironment;

/** The simulator confirms tok_visa for free: a prod deployment never runs it by accident. */
class SimulatedProviderGuardUnitTests {

    private static SimulatedProviderProperties properties(boolean allowedInProd) {
        return new SimulatedProviderProperties("simulated_provider", Duration.ZERO, Duration.ofSeconds(3), 0, 0,
                allowedInProd);
    }

    private static MockEnvironment profile(String name) {
        MockEnvironment environment = new MockEnvironment();
        environment.setActiveProfiles(name);
        return environment;
    }

    @Test
    void underProdTheSimulatorRefusesToStart() {
        assertThatThrownBy(() -> new SimulatedPaymentProvider(mock(JdbcClient.class), properties(false), profile("prod")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("must not run under the prod profile");
    }

    @Test
    void itRunsLocallyOrWhenLoudlyAllowed() {
        assertThat(new SimulatedPaymentProvider(mock(JdbcClient.class), properties(false), profile("local"))).isNotNull();
        assertThat(new SimulatedPaymentProvider(mock(JdbcClient.class), properties(true), profile("prod"))).isNotNull();
    }
}
