package io.surge.ticketing.contracts.messages;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

import java.time.Instant;
import java.util.UUID;

/**
 * A payment outcome, on {@code payment.events} keyed by booking id, published by payment-service once an
 * attempt is settled. {@code paymentId} is the id booking-service stores on a CONFIRMED booking;
 * {@code messageId} lets consumers dedupe redeliveries.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
public record PaymentEvent(
        UUID messageId,
        Type type,
        UUID paymentId,
        UUID bookingId,
        long eventId,
        String userId,
        long amountCents,
        String providerChargeId,
        String reason,
        Instant occurredAt) {

    public enum Type {
        /** Charged and the booking is CONFIRMED. */
        PAYMENT_CONFIRMED,
        /** The provider declined; the hold stays until it expires. */
        PAYMENT_DECLINED,
        /** Charged, but the hold was gone: the charge was refunded (or never made). */
        PAYMENT_REFUNDED,
        /** The provider failed; nothing was charged and the client may retry. */
        PAYMENT_FAILED
    }
}
