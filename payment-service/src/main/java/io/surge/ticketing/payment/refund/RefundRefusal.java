package io.surge.ticketing.payment.refund;

import org.springframework.http.HttpStatus;

import io.surge.ticketing.contracts.ErrorCode;
import io.surge.ticketing.platform.web.DomainException;

/** A refund request refused before anything was recorded or refunded (never stored under the key). */
class RefundRefusal extends DomainException {

    RefundRefusal(HttpStatus status, ErrorCode code, String message) {
        super(status, code, message);
    }


    static RefundRefusal keyRequired() {
        return new RefundRefusal(HttpStatus.BAD_REQUEST, ErrorCode.IDEMPOTENCY_KEY_REQUIRED,
                "the Idempotency-Key header is required (1 to 255 characters)");
    }

    static RefundRefusal keyReused() {
        return new RefundRefusal(HttpStatus.UNPROCESSABLE_CONTENT, ErrorCode.IDEMPOTENCY_KEY_REUSED,
                "this Idempotency-Key was already used with a different refund request");
    }

    static RefundRefusal bookingNotFound() {
        return new RefundRefusal(HttpStatus.NOT_FOUND, ErrorCode.BOOKING_NOT_FOUND, "no such booking");
    }

    static RefundRefusal notConfirmed(String status) {
        return new RefundRefusal(HttpStatus.CONFLICT, ErrorCode.BOOKING_NOT_CONFIRMED,
                "only a CONFIRMED booking can be refunded; this one is " + status);
    }

    static RefundRefusal windowClosed() {
        return new RefundRefusal(HttpStatus.CONFLICT, ErrorCode.REFUND_WINDOW_CLOSED,
                "the event's refund deadline has passed");
    }

    static RefundRefusal noPayment() {
        return new RefundRefusal(HttpStatus.CONFLICT, ErrorCode.CONFLICT,
                "no payment of this booking is known to the payment service; nothing was refunded");
    }

    static RefundRefusal bookingUnavailable() {
        return new RefundRefusal(HttpStatus.SERVICE_UNAVAILABLE, ErrorCode.SERVICE_UNAVAILABLE,
                "bookings cannot be read right now; nothing was refunded, retry with the same Idempotency-Key");
    }

    static RefundRefusal providerUnavailable() {
        return new RefundRefusal(HttpStatus.BAD_GATEWAY, ErrorCode.PAYMENT_PROVIDER_ERROR,
                "the payment provider cannot be reached right now; nothing was refunded, retry with the same"
                        + " Idempotency-Key");
    }
}
