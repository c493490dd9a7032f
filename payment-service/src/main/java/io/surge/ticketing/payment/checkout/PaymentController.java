package io.surge.ticketing.payment.checkout;

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
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

@RestController
@Tag(name = "payments", description = "Pay for a reserved booking, exactly once per Idempotency-Key")
class PaymentController {

    private static final int MAX_KEY_LENGTH = 255;

    private final Checkout checkout;

    PaymentController(Checkout checkout) {
        this.checkout = checkout;
    }

    @PostMapping(path = "/api/v1/bookings/{bookingId}/payment")
    @Operation(summary = "Pay for a booking's hold",
            description = "Replays with the same Idempotency-Key and body return the stored answer and never charge twice."
                    + " A live hold can always be paid: an admission token of this user and event is accepted after its"
                    + " expiry while the hold has not expired.")
    @ApiResponse(responseCode = "200", description = "charged; the booking is CONFIRMED")
    @ApiResponse(responseCode = "400", description = "IDEMPOTENCY_KEY_REQUIRED, or an invalid body")
    @ApiResponse(responseCode = "402", description = "PAYMENT_DECLINED: the hold stays until it expires")
    @ApiResponse(responseCode = "403", description = "ADMISSION_*: a missing, forged, other user's or other event's"
            + " admission token, or an expired one without a live hold")
    @ApiResponse(responseCode = "404", description = "BOOKING_NOT_FOUND: unknown, or another user's booking")
    @ApiResponse(responseCode = "409", description = "HOLD_EXPIRED, EVENT_CANCELLED, or IDEMPOTENCY_KEY_IN_USE while the"
            + " first request runs")
    @ApiResponse(responseCode = "422", description = "IDEMPOTENCY_KEY_REUSED with a different body")
    @ApiResponse(responseCode = "502", description = "PAYMENT_PROVIDER_ERROR: nothing charged, retry with the same key")
    DeferredResult<ResponseEntity<String>> pay(
            @PathVariable UUID bookingId,
            @RequestHeader(name = Headers.USER_ID, required = false) String userId,
            @RequestHeader(name = Headers.IDEMPOTENCY_KEY, required = false) String idempotencyKey,
            @RequestHeader(name = Headers.ADMISSION_TOKEN, required = false) String admissionToken,
            @Valid @RequestBody PaymentRequest request) {
        if (userId == null || userId.isBlank()) {
            throw CheckoutRefusal.unauthenticated();
        }
        if (idempotencyKey == null || idempotencyKey.isBlank() || idempotencyKey.length() > MAX_KEY_LENGTH) {
            throw CheckoutRefusal.keyRequired();
        }
        return checkout.pay(new Checkout.PayCommand(bookingId, userId, idempotencyKey, admissionToken, request));
    }
}
