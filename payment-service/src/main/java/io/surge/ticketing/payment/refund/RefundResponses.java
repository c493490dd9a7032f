package io.surge.ticketing.payment.refund;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import tools.jackson.databind.ObjectMapper;

import io.surge.ticketing.contracts.ErrorCode;
import io.surge.ticketing.payment.idempotency.StoredResponse;

/**
 * The answers of a refund request, rendered once so that every key waiting for one refund stores, and every replay
 * returns, the same bytes.
 */
@Component
class RefundResponses {

    private final ObjectMapper json;

    RefundResponses(ObjectMapper json) {
        this.json = json;
    }

    StoredResponse refunded(BookingRefund refund) {
        return refunded(refund.bookingId(), refund.refundId().toString(), refund.amountCents());
    }

    /** {@code 200 {"booking_id","status":"REFUNDED","refund_id","amount_cents"}}. */
    StoredResponse refunded(UUID bookingId, String refundId, long amountCents) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("booking_id", bookingId.toString());
        body.put("status", "REFUNDED");
        body.put("refund_id", refundId);
        body.put("amount_cents", amountCents);
        return StoredResponse.json(json, 200, body);
    }

    StoredResponse refused(UUID bookingId) {
        return problem(HttpStatus.BAD_GATEWAY, ErrorCode.PAYMENT_PROVIDER_ERROR, bookingId,
                "the refund could not be made; it has been set aside for the support team");
    }

    StoredResponse providerUnavailable(UUID bookingId) {
        return problem(HttpStatus.BAD_GATEWAY, ErrorCode.PAYMENT_PROVIDER_ERROR, bookingId,
                "the payment provider failed; the refund is requested and will be retried, retry with the same"
                        + " Idempotency-Key for its outcome");
    }

    StoredResponse bookingUnavailable(UUID bookingId) {
        return problem(HttpStatus.SERVICE_UNAVAILABLE, ErrorCode.SERVICE_UNAVAILABLE, bookingId,
                "the refund is requested but cannot be completed right now; retry with the same Idempotency-Key");
    }

    StoredResponse inUse(UUID bookingId) {
        return problem(HttpStatus.CONFLICT, ErrorCode.IDEMPOTENCY_KEY_IN_USE, bookingId,
                "a refund of this booking is still being processed; retry with the same Idempotency-Key for its outcome");
    }

    /** For a parked request whose key was freed elsewhere (a 5xx outcome that is never stored). */
    StoredResponse retryLater() {
        return problem(HttpStatus.SERVICE_UNAVAILABLE, ErrorCode.SERVICE_UNAVAILABLE, null,
                "the refund could not be completed right now; retry with the same Idempotency-Key");
    }

    private StoredResponse problem(HttpStatus status, ErrorCode code, UUID bookingId, String detail) {
        return StoredResponse.problem(json, status, code, bookingId == null ? null : "/api/v1/bookings/" + bookingId + "/refund", detail);
    }
}
