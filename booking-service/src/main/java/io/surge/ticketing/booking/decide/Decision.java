package io.surge.ticketing.booking.decide;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.surge.ticketing.booking.bookings.Booking;
import io.surge.ticketing.booking.bookings.BookingStatus;

/**
 * The outcome of one reservation command, as broadcast to the API instances waiting for it.
 *
 * @param seatIndexes the bits to set in the availability bitfield (RESERVED only)
 * @param reason      the ErrorCode name of a rejection
 * @param sectionId   the section of a best-available request (null for chosen seats and stored bookings): a
 *                    SEATS_UNAVAILABLE there tells every instance the section may be sold out
 * @param ticketPrices the price each seat was quoted at, in {@code ticketIds}' order (RESERVED only)
 */
public record Decision(
        UUID bookingId,
        long eventId,
        String userId,
        BookingStatus status,
        List<Long> ticketIds,
        List<Integer> seatIndexes,
        List<Long> unavailableTicketIds,
        long totalCents,
        Instant expiresAt,
        String reason,
        Long sectionId,
        List<Long> ticketPrices) {

    /** The decision a stored booking records (its seats' bit positions derive from the ticket ids). */
    public static Decision of(Booking booking) {
        return of(booking, booking.status() == BookingStatus.REJECTED ? List.of()
                : booking.ticketIds().stream().map(io.surge.ticketing.contracts.messages.TicketIds::seatIndexOf).toList());
    }

    /** The booking row this decision stores. */
    public Booking toBooking() {
        return new Booking(bookingId, eventId, userId, status, ticketIds, unavailableTicketIds, totalCents, expiresAt,
                reason, null, ticketPrices, null);
    }

    static Decision of(Booking booking, List<Integer> seatIndexes) {
        return new Decision(booking.bookingId(), booking.eventId(), booking.userId(), booking.status(),
                booking.ticketIds(), seatIndexes, booking.unavailableTicketIds(), booking.totalCents(),
                booking.expiresAt(), booking.reason(), null, booking.ticketPrices());
    }

    Decision inSection(Long section) {
        return new Decision(bookingId, eventId, userId, status, ticketIds, seatIndexes, unavailableTicketIds, totalCents,
                expiresAt, reason, section, ticketPrices);
    }
}
