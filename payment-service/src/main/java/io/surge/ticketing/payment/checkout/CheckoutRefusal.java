package io.surge.ticketing.payment.checkout;

import org.springframework.http.HttpStatus;

import io.surge.ticketing.contracts.ErrorCode;
import io.surge.ticketing.platform.web.DomainException;

/** A payment request refused before anything was recorded or charged (never stored under the key). */
class CheckoutRefusal extends DomainException {

    CheckoutRefusal(HttpStatus status, ErrorCode code, String message) {
        super(status, code, message);
    }

    static CheckoutRefusal keyRequired() {
        return new CheckoutRefusal(HttpStatus.BAD_REQUEST, ErrorCode.IDEMPOTENCY_KEY_REQUIRED,
                "the Idempotency-Key header is required (1 to 255 characters)");
    }

    static CheckoutRefusal keyReused() {
        return new CheckoutRefusal(HttpStatus.UNPROCESSABLE_CONTENT, ErrorCode.IDEMPOTENCY_KEY_REUSED,
                "this Idempotency-Key was already used with a different request");
    }

    static CheckoutRefusal bookingNotFound() {
        return new CheckoutRefusal(HttpStatus.NOT_FOUND, ErrorCode.BOOKING_NOT_FOUND, "no such booking");
    }

    static CheckoutRefusal holdExpired() {
        return new CheckoutRefusal(HttpStatus.CONFLICT, ErrorCode.HOLD_EXPIRED,
                "the hold on this booking has expired or is no longer payable; nothing was charged");
    }

    static CheckoutRefusal eventCancelled() {
        return new CheckoutRefusal(HttpStatus.CONFLICT, ErrorCode.EVENT_CANCELLED,
                "the event is cancelled: its bookings can no longer be paid; nothing was charged");
    }


    static CheckoutRefusal bookingUnavailable() {
        return new CheckoutRefusal(HttpStatus.SERVICE_UNAVAILABLE, ErrorCode.SERVICE_UNAVAILABLE,
                "bookings cannot be read right now; nothing was charged, retry with the same Idempotency-Key");
    }

    static CheckoutRefusal admission(ErrorCode code, String message) {
        return new CheckoutRefusal(HttpStatus.FORBIDDEN, code, message);
    }
}
