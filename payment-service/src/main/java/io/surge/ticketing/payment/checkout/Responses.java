package io.surge.ticketing.payment.checkout;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import tools.jackson.databind.ObjectMapper;

import io.surge.ticketing.contracts.ErrorCode;
import io.surge.ticketing.payment.idempotency.StoredResponse;

/** The final answers of a payment, rendered once so every replay returns the same bytes. */
@Component
class Responses {

    private final ObjectMapper json;

    Responses(ObjectMapper json) {
        this.json = json;
    }

    StoredResponse confirmed(UUID bookingId, String paymentId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("booking_id", bookingId.toString());
        body.put("status", "CONFIRMED");
        body.put("payment_id", paymentId);
        return StoredResponse.json(json, 200, body);
    }

    StoredResponse declined(UUID bookingId) {
        return problem(HttpStatus.PAYMENT_REQUIRED, ErrorCode.PAYMENT_DECLINED, bookingId,
                "the payment was declined; the hold stays until it expires");
    }

    StoredResponse holdExpired(UUID bookingId) {
        return problem(HttpStatus.CONFLICT, ErrorCode.HOLD_EXPIRED, bookingId,
                "the hold on this booking has expired or is no longer payable; nothing was charged");
    }

    StoredResponse providerError(UUID bookingId) {
        return problem(HttpStatus.BAD_GATEWAY, ErrorCode.PAYMENT_PROVIDER_ERROR, bookingId,
                "the payment provider failed; nothing was charged, retry with the same Idempotency-Key");
    }

    StoredResponse unavailable(UUID bookingId) {
        return problem(HttpStatus.SERVICE_UNAVAILABLE, ErrorCode.PAYMENT_PROVIDER_ERROR, bookingId,
                "payments are temporarily unavailable; nothing was charged, retry with the same Idempotency-Key");
    }

    StoredResponse inUse(UUID bookingId) {
        return problem(HttpStatus.CONFLICT, ErrorCode.IDEMPOTENCY_KEY_IN_USE, bookingId,
                "a payment with this Idempotency-Key is still being processed; retry with the same key for its outcome");
    }

    /** The answer for a settled attempt's outcome code. */
    StoredResponse forOutcome(String outcomeCode, UUID bookingId, String paymentId) {
        return switch (outcomeCode) {
            case "CONFIRMED" -> confirmed(bookingId, paymentId);
            case "PAYMENT_DECLINED" -> declined(bookingId);
            case "HOLD_EXPIRED" -> holdExpired(bookingId);
            case "SERVICE_UNAVAILABLE" -> unavailable(bookingId);
            default -> providerError(bookingId);
        };
    }

    private StoredResponse problem(HttpStatus status, ErrorCode code, UUID bookingId, String detail) {
        return StoredResponse.problem(json, status, code, "/api/v1/bookings/" + bookingId + "/payment", detail);
    }
}
