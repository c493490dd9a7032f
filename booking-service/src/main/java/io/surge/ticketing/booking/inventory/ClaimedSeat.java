package io.surge.ticketing.booking.inventory;

/** A seat row locked by a claim. */
public record ClaimedSeat(long ticketId, int seatIndex, long priceCents) {
}
