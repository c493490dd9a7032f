package io.surge.ticketing.contracts.messages;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Booking API -> booking consumer, on {@code booking.commands} keyed by event id. Exactly one of
 * {@code ticketIds} (chosen seats) or {@code sectionId} + {@code quantity} (best available) is set.
 * {@code bookingId} is the idempotency key: a redelivered command never reserves twice.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ReserveCommand(
        UUID bookingId,
        long eventId,
        String userId,
        List<Long> ticketIds,
        Long sectionId,
        Integer quantity,
        Instant requestedAt) {

    public boolean chosenSeats() {
        return ticketIds != null && !ticketIds.isEmpty();
    }
}
