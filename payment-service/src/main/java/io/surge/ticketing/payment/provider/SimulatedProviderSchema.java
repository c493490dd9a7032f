package io.surge.ticketing.payment.provider;

import java.util.Map;

import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The migrations create the simulated provider's ledger in {@code ${provider_schema}}: the schema its properties name
 * ({@code ticketing.payment.provider.simulated.schema}, tests point it elsewhere), taken from the bound record so its
 * default is stated once.
 */
@Configuration(proxyBeanMethods = false)
class SimulatedProviderSchema {

    @Bean
    FlywayConfigurationCustomizer simulatedProviderSchemaPlaceholder(SimulatedProviderProperties properties) {
        return configuration -> configuration.placeholders(Map.of("provider_schema", properties.schema()));
    }
}
