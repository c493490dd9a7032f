package io.surge.ticketing.booking.bookings;

/** A booking's states. PENDING exists only while its command waits in the Kafka buffer (no row yet). */
public enum BookingStatus {
    PENDING, RESERVED, CONFIRMED, EXPIRED, CANCELLED, REJECTED
}
