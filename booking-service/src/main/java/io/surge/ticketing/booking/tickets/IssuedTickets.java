package io.surge.ticketing.booking.tickets;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import io.surge.ticketing.booking.bookings.Booking;
import io.surge.ticketing.booking.bookings.BookingProblems;
import io.surge.ticketing.booking.bookings.BookingRepository;
import io.surge.ticketing.booking.bookings.BookingStatus;
import io.surge.ticketing.booking.bookings.PendingMarkers;
import io.surge.ticketing.contracts.ErrorCode;
import io.surge.ticketing.platform.web.DomainException;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A fan's tickets: one per seat of a paid booking, each with its seat as the seat map names it, the price it was
 * paid, its signed code and whether it is still valid, checked in or refunded. Nothing is stored per ticket beyond
 * the check-in: the code is derived (the same ticket always gets the same code under the same key).
 */
@Component
class IssuedTickets {

    private final BookingRepository bookings;
    private final PendingMarkers pending;
    private final TicketSeats seats;
    private final TicketCodec codec;

    IssuedTickets(BookingRepository bookings, PendingMarkers pending, TicketSeats seats, TicketCodec codec) {
        this.bookings = bookings;
        this.pending = pending;
        this.seats = seats;
        this.codec = codec;
    }

    /** Ticket states as the API names them. */
    enum Status {
        VALID, CHECKED_IN, REFUNDED
    }

    record Ticket(@Schema(example = "1017") long ticketId, @Schema(example = "A") String section,
            @Schema(example = "3") String row, @Schema(example = "12") int number,
            @Schema(description = "the price paid, in cents", example = "7500") long priceCents,
            @Schema(description = "signed and opaque: what the QR code holds and the door scanner checks",
                    example = "t1.3f9a1c2e.AAAAAAAAACoAAAAAAAAD-Q.Yk0bC2xW9nR3vQ8sT1uE4aZ7pL6mJ5hG2fD0cX9yV8w") String code,
            @Schema(example = "VALID") Status status) {
    }

    record Tickets(@Schema(example = "0b6f3c1e-4a52-4f0e-9d1b-6c2a7e8f9a01") UUID bookingId,
            @Schema(example = "42") long eventId, List<Ticket> tickets) {
    }

    /** The tickets of the caller's CONFIRMED or REFUNDED booking. */
    Tickets of(String userId, UUID bookingId) {
        Booking booking = ownBooking(userId, bookingId);
        if (booking.status() != BookingStatus.CONFIRMED && booking.status() != BookingStatus.REFUNDED) {
            throw BookingProblems.notConfirmed(booking);
        }
        return new Tickets(booking.bookingId(), booking.eventId(), tickets(booking));
    }

    /** One ticket of the caller's CONFIRMED booking (a refunded ticket opens no door: no QR for it). */
    Ticket one(String userId, UUID bookingId, long ticketId) {
        Booking booking = ownBooking(userId, bookingId);
        if (!booking.ticketIds().contains(ticketId)) {
            throw new DomainException(HttpStatus.NOT_FOUND, ErrorCode.NOT_FOUND,
                    "booking " + bookingId + " has no ticket " + ticketId);
        }
        if (booking.status() != BookingStatus.CONFIRMED) {
            throw BookingProblems.notConfirmed(booking);
        }
        return tickets(booking).stream().filter(t -> t.ticketId() == ticketId).findFirst()
                .orElseThrow(() -> new IllegalStateException("no seat row for ticket " + ticketId));
    }

    private Booking ownBooking(String userId, UUID bookingId) {
        return bookings.find(bookingId).filter(b -> b.userId().equals(userId)).orElseThrow(() -> {
            if (pending.pendingEvent(bookingId, userId).isPresent()) {
                return BookingProblems.notConfirmed(bookingId, BookingStatus.PENDING);
            }
            return BookingProblems.notFound(bookingId);
        });
    }

    private List<Ticket> tickets(Booking booking) {
        Map<Long, TicketSeats.Seat> seatsById = seats.find(booking.eventId(), booking.ticketIds());
        Map<Long, Instant> checkedIn = seats.checkIns(booking.bookingId());
        List<Ticket> tickets = new ArrayList<>(booking.ticketIds().size());
        for (Long ticketId : booking.ticketIds()) {
            TicketSeats.Seat seat = seatsById.get(ticketId);
            if (seat == null) {
                throw new IllegalStateException("no seat row for ticket " + ticketId + " of booking " + booking.bookingId());
            }
            Long quoted = booking.priceOf(ticketId);
            Status status = booking.status() == BookingStatus.REFUNDED ? Status.REFUNDED
                    : checkedIn.containsKey(ticketId) ? Status.CHECKED_IN : Status.VALID;
            tickets.add(new Ticket(ticketId, seat.section(), seat.row(), seat.number(),
                    quoted != null ? quoted : seat.loadedPriceCents(),
                    codec.encode(new TicketCodec.TicketCode(booking.eventId(), ticketId, booking.bookingId())), status));
        }
        return tickets;
    }
}
