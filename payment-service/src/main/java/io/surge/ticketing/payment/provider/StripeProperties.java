package io.surge.ticketing.payment.provider;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The Stripe adapter ({@code ticketing.payment.provider.type=stripe}). The API key comes from the environment
 * ({@code TICKETING_STRIPE_API_KEY}), never from a committed file.
 *
 * @param apiKey            the secret key ({@code sk_live_...} or {@code sk_test_...}); required for the adapter
 * @param apiBase           Stripe's API root (tests point it at WireMock)
 * @param currency          ISO currency of every charge, lower case (prices are in its minor unit)
 * @param connectTimeout    connecting to Stripe
 * @param readTimeout       waiting for an answer; far below {@code ticketing.payment.checkout.attempt-lease}, so a worker never
 *                          outlives its lease while Stripe thinks
 * @param maxNetworkRetries stripe-java's own retries of connection errors and 5xx (with the same idempotency key)
 */
@ConfigurationProperties("ticketing.payment.provider.stripe")
record StripeProperties(
        String apiKey,
        @DefaultValue("https://api.stripe.com") String apiBase,
        @DefaultValue("eur") String currency,
        @DefaultValue("5s") Duration connectTimeout,
        @DefaultValue("10s") Duration readTimeout,
        @DefaultValue("1") int maxNetworkRetries) {

    boolean testMode() {
        return apiKey != null && (apiKey.startsWith("sk_test_") || apiKey.startsWith("rk_test_"));
    }
}
