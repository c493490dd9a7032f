package io.surge.ticketing.payment.refund;

/**
 * A refund could not go on now: the provider or booking-service failed (it backs off and is retried by whoever comes
 * next: a retry, the consumer's back-off, the reconciler), or someone else is working on it.
 */
class RefundDeferred extends RuntimeException {

    enum Why {
        PROVIDER_UNAVAILABLE, BOOKING_UNAVAILABLE, BUSY
    }

    private final Why why;

    RefundDeferred(Why why, String message, Throwable cause) {
        super(message, cause);
        this.why = why;
    }

    Why why() {
        return why;
    }
}
