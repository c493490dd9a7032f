package io.surge.ticketing.payment.provider;

/**
 * The provider answered and will never make this refund (no such charge, not a succeeded charge, already refunded
 * under another key, more than was charged): retrying cannot help, someone has to look.
 */
public class RefundRefusedException extends RuntimeException {

    public RefundRefusedException(String message) {
        super(message);
    }

    public RefundRefusedException(String message, Throwable cause) {
        super(message, cause);
    }
}
