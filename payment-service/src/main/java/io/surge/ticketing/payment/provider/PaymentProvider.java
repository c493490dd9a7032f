package io.surge.ticketing.payment.provider;

import java.util.Optional;

/**
 * The payment-provider port, shaped like Stripe's: every charge carries our own idempotency key (the
 * attempt id), so repeating a charge after a crash returns the first charge instead of a second one;
 * refunds are idempotent; a charge can be looked up by our key to settle payments in doubt.
 */
public interface PaymentProvider {

    /**
     * Charges {@code amountCents} with the client's payment token.
     *
     * @return the charge, {@link Charge.Status#SUCCEEDED} or {@link Charge.Status#DECLINED}
     * @throws ProviderUnavailableException when the outcome is unknown or the provider failed (retryable)
     */
    Charge charge(String idempotencyKey, long amountCents, String paymentToken);

    /** Refunds (or voids) a succeeded charge; refunding twice is harmless. */
    Charge refund(String chargeId);

    /** The charge made with our idempotency key, if the provider has one. */
    Optional<Charge> lookup(String idempotencyKey);
}
