package io.surge.ticketing.payment.checkout;

import java.util.UUID;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.async.DeferredResult;

import io.surge.ticketing.apidocs.ProblemAnswer;
import io.surge.ticketing.contracts.ErrorCode;
import io.surge.ticketing.contracts.web.Headers;
import io.surge.ticketing.platform.web.GatewayUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

@RestController
@Tag(name = "Payments", description = "Pay for a reserved booking, exactly once per Idempotency-Key")
class PaymentController {

    private static final int MAX_KEY_LENGTH = 255;

    private final Checkout checkout;

    PaymentController(Checkout checkout) {
        this.checkout = checkout;
    }

    @PostMapping(path = "/api/v1/bookings/{booking_id}/payment")
    @Operation(operationId = "payBooking", summary = "Pay for a booking's hold",
            description = "Replays with the same Idempotency-Key and body return the stored answer and never charge twice."
                    + " A live hold can always be paid: an admission token of this user and event is accepted after its"
                    + " expiry while the hold has not expired.")
    @ApiResponse(responseCode = "200", description = "charged; the booking is CONFIRMED",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = PaymentAnswer.class)))
    @ProblemAnswer(status = 400, codes = ErrorCode.IDEMPOTENCY_KEY_REQUIRED, when = "no Idempotency-Key header")
    @ProblemAnswer(status = 402, codes = ErrorCode.PAYMENT_DECLINED, when = "the card was declined; the hold stays "
            + "until it expires (pay again with another key)")
    @ProblemAnswer(status = 404, codes = ErrorCode.BOOKING_NOT_FOUND, when = "unknown, or another fan's booking")
    @ProblemAnswer(status = 409, codes = ErrorCode.HOLD_EXPIRED, when = "the hold expired; nothing was charged")
    @ProblemAnswer(status = 409, codes = ErrorCode.EVENT_CANCELLED, when = "the event is cancelled")
    @ProblemAnswer(status = 409, codes = ErrorCode.IDEMPOTENCY_KEY_IN_USE, when = "the first request with this key "
            + "still runs: retry with the same key for its outcome")
    @ProblemAnswer(status = 422, codes = ErrorCode.IDEMPOTENCY_KEY_REUSED, when = "the key was used with another body")
    @ProblemAnswer(status = 502, codes = ErrorCode.PAYMENT_PROVIDER_ERROR, when = "the provider failed: nothing "
            + "charged, retry with the same key")
    @ProblemAnswer(status = 503, codes = ErrorCode.PAYMENT_PROVIDER_ERROR, when = "payments are unavailable for a "
            + "moment (the payment could not be queued or started): nothing charged, retry with the same key")
    DeferredResult<ResponseEntity<String>> pay(
            @Parameter(description = "the booking (`booking_id` of the reserve answer)", example = "0b6f3c1e-4a52-4f0e-9d1b-6c2a7e8f9a01")
            @PathVariable("booking_id") UUID bookingId,
            @RequestHeader(name = Headers.USER_ID, required = false) String userId,
            @Parameter(description = "Required: one key per payment attempt, kept across retries of it. A replay with the "
                    + "same key and body answers the stored outcome and never charges twice", required = true,
                    example = "7d1c0f4e-2b8a-4e56-9f0d-3a5c8b2e6f71")
            @RequestHeader(name = Headers.IDEMPOTENCY_KEY, required = false) String idempotencyKey,
            @RequestHeader(name = Headers.ADMISSION_TOKEN, required = false) String admissionToken,
            @Valid @RequestBody PaymentRequest request) {
        GatewayUser.require(userId);
        if (idempotencyKey == null || idempotencyKey.isBlank() || idempotencyKey.length() > MAX_KEY_LENGTH) {
            throw CheckoutRefusal.keyRequired();
        }
        return checkout.pay(new Checkout.PayCommand(bookingId, userId, idempotencyKey, admissionToken, request));
    }

    /** {@code 200 {"booking_id","status":"CONFIRMED","payment_id"}}, as {@link Responses#confirmed} writes it. */
    record PaymentAnswer(
            @Schema(example = "0b6f3c1e-4a52-4f0e-9d1b-6c2a7e8f9a01") UUID bookingId,
            @Schema(example = "CONFIRMED") String status,
            @Schema(description = "the provider's charge", example = "pay_7Hq2Lm9xT4") String paymentId) {
    }
}
