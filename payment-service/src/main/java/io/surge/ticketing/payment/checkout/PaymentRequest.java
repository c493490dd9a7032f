package io.surge.ticketing.payment.checkout;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The body of {@code POST /api/v1/bookings/{id}/payment}: the provider's payment token (e.g. {@code tok_visa}). */
record PaymentRequest(@NotBlank @Size(max = 255) String paymentToken) {
}
