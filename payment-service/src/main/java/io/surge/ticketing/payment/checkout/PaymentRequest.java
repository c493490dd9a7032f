package io.surge.ticketing.payment.checkout;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The body of {@code POST /api/v1/bookings/{id}/payment}: the provider's payment token (e.g. {@code tok_visa}). */
record PaymentRequest(
        @Schema(description = "the payment provider's token for the card. The local stack's simulated provider: "
                + "tok_visa succeeds, tok_declined declines, tok_slow succeeds after a delay, tok_error fails (retryable)",
                example = "tok_visa", requiredMode = Schema.RequiredMode.REQUIRED)
        @NotBlank @Size(max = 255) String paymentToken) {
}
