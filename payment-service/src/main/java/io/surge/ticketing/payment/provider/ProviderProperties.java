package io.surge.ticketing.payment.provider;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Which payment provider this instance talks to ({@code ticketing.payment.provider.type}); an unknown name fails the start.
 * Each provider has its own block beside it ({@code ticketing.payment.provider.simulated.*}, {@code ticketing.payment.provider.stripe.*}).
 */
@ConfigurationProperties("ticketing.payment.provider")
record ProviderProperties(@DefaultValue("simulated") Type type) {

    enum Type {
        /** The built-in simulator (the local default; refused under the prod profile). */
        SIMULATED,
        /** Stripe PaymentIntents and Refunds through stripe-java. */
        STRIPE
    }
}
