package io.surge.ticketing.payment.provider;

/** A charge as the provider reports it. */
public record Charge(String chargeId, String idempotencyKey, long amountCents, Status status) {

    public enum Status {
        SUCCEEDED,
        DECLINED,
        REFUNDED
    }
}
