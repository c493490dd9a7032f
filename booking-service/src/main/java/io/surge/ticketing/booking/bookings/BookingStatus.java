package io.surge.ticketing.booking.bookings;

/**
 * A booking's states. PENDING exists only while its command waits in the Kafka buffer (no row yet). REFUNDED is a
 * CONFIRMED booking whose payment was given back (its seats are back on sale).
 */
public enum BookingStatus {
    PENDING, RESERVED, CONFIRMED, EXPIRED, CANCELLED, REJECTED, REFUNDED
}
