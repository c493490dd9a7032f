package io.surge.ticketing.payment.refund;

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
import jakarta.validation.constraints.Size;

@RestController
@Tag(name = "Refunds", description = "Refund a paid booking, exactly once per booking whatever the keys and retries")
class RefundController {

    private static final int MAX_KEY_LENGTH = 255;

    private final FanRefunds refunds;

    RefundController(FanRefunds refunds) {
        this.refunds = refunds;
    }

    /** The optional body of a refund request. */
    record RefundRequest(@Schema(description = "why the fan asks, up to 500 characters", example = "cannot attend")
            @Size(max = 500) String reason) {
    }

    /** {@code 200 {"booking_id","status":"REFUNDED","refund_id","amount_cents"}}. */
    record RefundAnswer(@Schema(example = "0b6f3c1e-4a52-4f0e-9d1b-6c2a7e8f9a01") UUID bookingId,
            @Schema(example = "REFUNDED") String status, @Schema(example = "rf_3c9d1f20") String refundId,
            @Schema(description = "refunded, in cents", example = "15000") long amountCents) {
    }

    @PostMapping(path = "/api/v1/bookings/{booking_id}/refund")
    @Operation(operationId = "refundBooking", summary = "Refund a CONFIRMED booking before the event's refund deadline",
            description = "Refunds the whole booking through the payment provider, exactly once: a replay with the same"
                    + " Idempotency-Key and body returns the stored answer; another key, or the event's cancellation,"
                    + " answers the booking's one refund again. The seats go back on sale. The body is optional.")
    @ApiResponse(responseCode = "200", description = "refunded (now, or already: the same refund_id)",
            content = @Content(schema = @Schema(implementation = RefundAnswer.class)))
    @ProblemAnswer(status = 400, codes = ErrorCode.IDEMPOTENCY_KEY_REQUIRED, when = "no Idempotency-Key header")
    @ProblemAnswer(status = 404, codes = ErrorCode.BOOKING_NOT_FOUND, when = "unknown, or another fan's booking")
    @ProblemAnswer(status = 409, codes = ErrorCode.BOOKING_NOT_CONFIRMED, when = "the booking is not paid")
    @ProblemAnswer(status = 409, codes = ErrorCode.REFUND_WINDOW_CLOSED, when = "after the event's `refund_deadline`")
    @ProblemAnswer(status = 409, codes = ErrorCode.CONFLICT, when = "no payment of the booking is known to the "
            + "payment service: nothing was refunded")
    @ProblemAnswer(status = 409, codes = ErrorCode.IDEMPOTENCY_KEY_IN_USE, when = "the first request with this key "
            + "still runs: retry with the same key for its outcome")
    @ProblemAnswer(status = 422, codes = ErrorCode.IDEMPOTENCY_KEY_REUSED, when = "the key was used for another request")
    @ProblemAnswer(status = 502, codes = ErrorCode.PAYMENT_PROVIDER_ERROR, when = "the provider failed: the refund "
            + "is requested and retried (or, if the provider refused it, set aside for the support team); retry with "
            + "the same key for its outcome")
    DeferredResult<ResponseEntity<String>> refund(
            @Parameter(description = "the booking (`booking_id` of the reserve answer)", example = "0b6f3c1e-4a52-4f0e-9d1b-6c2a7e8f9a01")
            @PathVariable("booking_id") UUID bookingId,
            @RequestHeader(name = Headers.USER_ID, required = false) String userId,
            @Parameter(description = "Required: one key per refund request, kept across retries of it. A replay with the "
                    + "same key and body answers the stored outcome and never refunds twice", required = true,
                    example = "7d1c0f4e-2b8a-4e56-9f0d-3a5c8b2e6f71")
            @RequestHeader(name = Headers.IDEMPOTENCY_KEY, required = false) String idempotencyKey,
            @Valid @RequestBody(required = false) RefundRequest request) {
        GatewayUser.require(userId);
        if (idempotencyKey == null || idempotencyKey.isBlank() || idempotencyKey.length() > MAX_KEY_LENGTH) {
            throw RefundRefusal.keyRequired();
        }
        return refunds.refund(new FanRefunds.RefundCommand(bookingId, userId, idempotencyKey,
                request == null ? null : request.reason()));
    }
}
