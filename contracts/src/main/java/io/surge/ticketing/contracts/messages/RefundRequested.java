package io.surge.ticketing.contracts.messages;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * Booking -> payment, on {@code booking.refund-requests} keyed by booking id: refund this CONFIRMED booking in full.
 * Written through booking's outbox in the transaction that cancels the event, one per paid booking. Payment refunds
 * each booking at most once whatever the redeliveries (the provider's idempotency key is derived from the booking
 * id), then records the refund with booking.
 *
 * @param reason why, e.g. {@code EVENT_CANCELLED}
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
public record RefundRequested(UUID bookingId, long eventId, String userId, String paymentId, long amountCents,
        String reason, Instant requestedAt) {

    public static final String EVENT_CANCELLED = "EVENT_CANCELLED";
}
