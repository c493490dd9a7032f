package io.surge.ticketing.payment.refund;

import java.util.UUID;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.async.DeferredResult;

import io.surge.ticketing.contracts.web.Headers;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

@RestController
@Tag(name = "refunds", description = "Refund a paid booking, exactly once per booking whatever the keys and retries")
class RefundController {

    private static final int MAX_KEY_LENGTH = 255;

    private final FanRefunds refunds;

    RefundController(FanRefunds refunds) {
        this.refunds = refunds;
    }

    /** The optional body of a refund request. */
    record RefundRequest(@Size(max = 500) String reason) {
    }

    /** {@code 200 {"booking_id","status":"REFUNDED","refund_id","amount_cents"}}. */
    record RefundAnswer(UUID bookingId, String status, String refundId, long amountCents) {
    }

    @PostMapping(path = "/api/v1/bookings/{bookingId}/refund")
    @Operation(summary = "Refund a CONFIRMED booking before the event's refund deadline",
            description = "Refunds the whole booking through the payment provider, exactly once: a replay with the same"
                    + " Idempotency-Key and body returns the stored answer; another key, or the event's cancellation,"
                    + " answers the booking's one refund again. The seats go back on sale. The body is optional.")
    @ApiResponse(responseCode = "200", description = "refunded (now, or already: the same refund_id)",
            content = @Content(schema = @Schema(implementation = RefundAnswer.class)))
    @ApiResponse(responseCode = "400", description = "IDEMPOTENCY_KEY_REQUIRED, or an invalid body")
    @ApiResponse(responseCode = "404", description = "BOOKING_NOT_FOUND: unknown, or another user's booking")
    @ApiResponse(responseCode = "409", description = "BOOKING_NOT_CONFIRMED, REFUND_WINDOW_CLOSED after the event's"
            + " refund_deadline, or IDEMPOTENCY_KEY_IN_USE while the first request with the key still runs")
    @ApiResponse(responseCode = "422", description = "IDEMPOTENCY_KEY_REUSED: the key was used for another request")
    @ApiResponse(responseCode = "502", description = "PAYMENT_PROVIDER_ERROR: the refund is requested and retried;"
            + " retry with the same key for its outcome")
    @ApiResponse(responseCode = "503", description = "SERVICE_UNAVAILABLE: retry with the same key")
    DeferredResult<ResponseEntity<String>> refund(
            @PathVariable UUID bookingId,
            @RequestHeader(name = Headers.USER_ID, required = false) String userId,
            @RequestHeader(name = Headers.IDEMPOTENCY_KEY, required = false) String idempotencyKey,
            @Valid @RequestBody(required = false) RefundRequest request) {
        if (userId == null || userId.isBlank()) {
            throw RefundRefusal.unauthenticated();
        }
        if (idempotencyKey == null || idempotencyKey.isBlank() || idempotencyKey.length() > MAX_KEY_LENGTH) {
            throw RefundRefusal.keyRequired();
        }
        return refunds.refund(new FanRefunds.RefundCommand(bookingId, userId, idempotencyKey,
                request == null ? null : request.reason()));
    }
}
