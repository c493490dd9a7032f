package io.surge.ticketing.payment.booking;

/** booking-service did not answer usefully; the caller retries later (the payment stays in doubt meanwhile). */
public class BookingUnavailableException extends RuntimeException {

    public BookingUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
