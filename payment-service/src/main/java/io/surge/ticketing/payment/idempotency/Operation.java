package io.surge.ticketing.payment.idempotency;

/**
 * What a client's idempotency key was used for. Keys are scoped to the user and the operation: a fan may send the
 * same key to pay for a booking and, later, to refund it (a common client habit: the booking id as the key) without
 * the refund being taken for a changed payment request.
 */
public enum Operation {
    PAYMENT,
    REFUND
}
