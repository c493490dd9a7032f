package io.surge.ticketing.payment.checkout;

import java.util.UUID;

import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * API -> consumer on {@code payment.requests}, keyed by booking id. Only the attempt id travels: the attempt
 * row (written before publishing) is the truth, so a redelivered or republished message is harmless.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
record PaymentRequested(UUID attemptId, UUID bookingId) {
}
