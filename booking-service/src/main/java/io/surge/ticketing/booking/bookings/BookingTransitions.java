package io.surge.ticketing.booking.bookings;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.surge.ticketing.booking.availability.AvailabilityRebuilder;
import io.surge.ticketing.booking.availability.AvailabilityStore;
import io.surge.ticketing.booking.inventory.TicketRepository;
import io.surge.ticketing.booking.outbox.Outbox;
import io.surge.ticketing.contracts.ErrorCode;
import io.surge.ticketing.contracts.messages.BookingEvent;
import io.surge.ticketing.platform.web.DomainException;

/**
 * The guarded transitions a client or the payment side asks for: RESERVED -> CANCELLED (the fan lets the hold
 * go) and RESERVED -> CONFIRMED (paid, while the hold is valid). Each is one transaction with its seats and its
 * outbox event; the bitfield and the delay queue follow after the commit.
 */
@Component
class BookingTransitions {

    private final BookingRepository bookings;
    private final TicketRepository tickets;
    private final Outbox outbox;
    private final Holds holds;
    private final LiveTickets liveTickets;
    private final AvailabilityStore availability;
    private final AvailabilityRebuilder rebuilder;
    private final TransactionTemplate transactions;

    BookingTransitions(BookingRepository bookings, TicketRepository tickets, Outbox outbox, Holds holds,
            LiveTickets liveTickets, AvailabilityStore availability, AvailabilityRebuilder rebuilder,
            TransactionTemplate transactions) {
        this.bookings = bookings;
        this.tickets = tickets;
        this.outbox = outbox;
        this.holds = holds;
        this.liveTickets = liveTickets;
        this.availability = availability;
        this.rebuilder = rebuilder;
        this.transactions = transactions;
    }

    Booking cancel(Booking booking) {
        if (booking.status() == BookingStatus.CANCELLED) {
            return booking; // cancelling twice is harmless
        }
        if (booking.status() != BookingStatus.RESERVED) {
            throw notCancellable(booking);
        }
        if (holds.paymentInFlight(booking.bookingId())) {
            throw new DomainException(HttpStatus.CONFLICT, ErrorCode.BOOKING_NOT_CANCELLABLE,
                    "a payment for this booking is in progress");
        }
        record Released(Booking booking, List<Integer> seats) {
        }
        Released released = transactions.execute(status -> {
            Optional<Booking> cancelled = bookings.cancel(booking.bookingId(), booking.userId());
            if (cancelled.isEmpty()) {
                return null;
            }
            List<Integer> seats = tickets.release(booking.eventId(), booking.bookingId());
            outbox.bookingChanged(BookingEvent.Type.BOOKING_CANCELLED, cancelled.get());
            return new Released(cancelled.get(), seats);
        });
        if (released == null) {
            // Lost a race (expired or paid meanwhile): answer from the state that won.
            Booking now = bookings.find(booking.bookingId()).orElseThrow();
            if (now.status() == BookingStatus.CANCELLED) {
                return now;
            }
            throw notCancellable(now);
        }
        holds.forget(booking.bookingId());
        liveTickets.forget(booking.eventId(), booking.userId()); // the fan is under the limit again at once
        if (!availability.set(booking.eventId(), released.seats(), false)) {
            rebuilder.ensure(booking.eventId());
        }
        return released.booking();
    }

    Booking confirm(UUID bookingId, String paymentId) {
        Booking confirmed = transactions.execute(status -> bookings.confirm(bookingId, paymentId)
                .map(booking -> {
                    tickets.sell(booking.eventId(), booking.bookingId());
                    outbox.bookingChanged(BookingEvent.Type.BOOKING_CONFIRMED, booking);
                    return booking;
                })
                .orElse(null));
        if (confirmed != null) {
            holds.forget(bookingId);
            return confirmed;
        }
        Booking current = bookings.find(bookingId).orElseThrow(() -> notFound(bookingId));
        if (current.status() == BookingStatus.CONFIRMED && paymentId.equals(current.paymentId())) {
            return current; // the same payment confirming again (a retry)
        }
        throw new DomainException(HttpStatus.CONFLICT, ErrorCode.HOLD_EXPIRED,
                "the hold of booking " + bookingId + " is no longer valid (" + current.status() + ")",
                Map.of("booking_status", current.status().name()));
    }

    static DomainException notFound(UUID bookingId) {
        return BookingProblems.notFound(bookingId);
    }

    private static DomainException notCancellable(Booking booking) {
        ErrorCode code = booking.status() == BookingStatus.EXPIRED ? ErrorCode.HOLD_EXPIRED : ErrorCode.BOOKING_NOT_CANCELLABLE;
        return new DomainException(HttpStatus.CONFLICT, code,
                "a " + booking.status() + " booking cannot be cancelled", Map.of("booking_status", booking.status().name()));
    }
}
