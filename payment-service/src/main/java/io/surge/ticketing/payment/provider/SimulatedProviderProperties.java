package io.surge.ticketing.payment.provider;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

/**
 * The built-in simulated provider.
 *
 * @param schema      where its ledger lives (the Flyway placeholder {@code provider_schema} creates it)
 * @param latency     added to every call, like a network round trip to the provider
 * @param slowDelay   how long {@code tok_slow} takes to answer after the charge is recorded (the crash window)
 * @param failureRate share of charges that fail with a retryable provider error before charging (0..1)
 * @param refundFailureRate share of refunds that fail with a retryable provider error before refunding (0..1)
 * @param insecureAllowedInProd the only way to run it under the {@code prod} profile, where it would confirm any
 *                    booking for the test token {@code tok_visa} without money changing hands
 */
@ConfigurationProperties("ticketing.payment.provider.simulated")
@org.springframework.validation.annotation.Validated
public record SimulatedProviderProperties(
        @DefaultValue("simulated_provider") @NotBlank @Pattern(regexp = "[a-z_][a-z0-9_]*") String schema,
        @DefaultValue("20ms") Duration latency,
        @DefaultValue("3s") Duration slowDelay,
        @DefaultValue("0") @DecimalMin("0") @DecimalMax("1") double failureRate,
        @DefaultValue("0") @DecimalMin("0") @DecimalMax("1") double refundFailureRate,
        @DefaultValue("false") boolean insecureAllowedInProd) {
}
