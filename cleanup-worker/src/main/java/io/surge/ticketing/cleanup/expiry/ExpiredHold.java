package io.surge.ticketing.cleanup.expiry;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A hold this worker just expired in Postgres, with the seats to free in the bitfield. */
record ExpiredHold(UUID bookingId, long eventId, String userId, List<Long> ticketIds, long totalCents,
        Instant expiresAt, List<Integer> freedSeats) {
}
