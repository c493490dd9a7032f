package io.surge.ticketing.payment.provider;

/** The provider failed or did not answer: the outcome is unknown and the call may be retried with the same key. */
public class ProviderUnavailableException extends RuntimeException {

    public ProviderUnavailableException(String message) {
        super(message);
    }

    public ProviderUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
