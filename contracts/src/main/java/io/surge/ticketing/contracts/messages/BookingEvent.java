package io.surge.ticketing.contracts.messages;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A booking state transition, on {@code booking.events} keyed by event id, written through the booking
 * outbox in the same transaction as the change. {@code messageId} lets consumers dedupe redeliveries.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
public record BookingEvent(
        UUID messageId,
        Type type,
        UUID bookingId,
        long eventId,
        String userId,
        String status,
        List<Long> ticketIds,
        long totalCents,
        Instant expiresAt,
        String reason,
        Instant occurredAt) {

    public enum Type {
        BOOKING_RESERVED,
        BOOKING_REJECTED,
        BOOKING_CONFIRMED,
        BOOKING_CANCELLED,
        BOOKING_EXPIRED,
        BOOKING_REFUNDED
    }
}
