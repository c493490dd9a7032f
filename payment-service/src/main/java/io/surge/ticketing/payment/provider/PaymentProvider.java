package io.surge.ticketing.payment.provider;

import java.util.Optional;

/**
 * The payment-provider port, shaped like Stripe's: every charge and every refund carries our own idempotency key,
 * so repeating a call after a crash returns the first outcome instead of charging or refunding twice; a charge can
 * be looked up by our key to settle payments in doubt.
 */
public interface PaymentProvider {

    /**
     * Charges {@code amountCents} with the client's payment token.
     *
     * @return the charge, {@link Charge.Status#SUCCEEDED} or {@link Charge.Status#DECLINED}
     * @throws ProviderUnavailableException when the outcome is unknown or the provider failed (retryable)
     */
    Charge charge(String idempotencyKey, long amountCents, String paymentToken);

    /**
     * Refunds {@code amountCents} of a succeeded charge, once per idempotency key: a repeat with the same key (after
     * a timeout, a crash, a redelivery) answers the first refund and moves no more money.
     *
     * @throws ProviderUnavailableException when the outcome is unknown or the provider failed (retry with the same key)
     * @throws RefundRefusedException       when the provider will never make this refund
     */
    Refund refund(String idempotencyKey, String chargeId, long amountCents);

    /** The charge made with our idempotency key, if the provider has one. */
    Optional<Charge> lookup(String idempotencyKey);
}
