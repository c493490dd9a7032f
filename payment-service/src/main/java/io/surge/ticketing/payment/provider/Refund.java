package io.surge.ticketing.payment.provider;

/**
 * A refund as the provider reports it.
 *
 * @param refundId       the provider's id of the refund ({@code re_...})
 * @param idempotencyKey the key it was made with: a repeat with the key answers this refund again
 * @param chargeId       the charge it returns money of
 */
public record Refund(String refundId, String idempotencyKey, String chargeId, long amountCents) {
}
