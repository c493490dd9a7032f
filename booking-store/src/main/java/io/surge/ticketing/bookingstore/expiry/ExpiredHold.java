package io.surge.ticketing.bookingstore.expiry;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.surge.ticketing.bookingstore.outbox.BookingSnapshot;

/**
 * A hold {@link HoldExpiry} just expired in Postgres.
 *
 * @param freedSeats the seat indexes that became AVAILABLE (the ones to clear in the bitfield); seats the waiting-list
 *                   trigger turned RETURNED stay taken until offered, and are not among them
 */
public record ExpiredHold(UUID bookingId, long eventId, String userId, List<Long> ticketIds, long totalCents,
        Instant expiresAt, List<Integer> freedSeats) implements BookingSnapshot {

    @Override
    public String statusName() {
        return "EXPIRED";
    }

    @Override
    public String reason() {
        return HoldExpiry.REASON;
    }
}
