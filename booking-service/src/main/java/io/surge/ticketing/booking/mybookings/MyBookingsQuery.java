package io.surge.ticketing.booking.mybookings;

import io.surge.ticketing.booking.bookings.BookingStatus;

/**
 * One page of a fan's bookings, optionally of one event and in one state.
 *
 * @param page 1-based
 */
record MyBookingsQuery(String userId, Long eventId, BookingStatus status, int page, int size) {
}
