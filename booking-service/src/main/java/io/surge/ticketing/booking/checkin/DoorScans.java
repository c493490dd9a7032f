package io.surge.ticketing.booking.checkin;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.MeterRegistry;
import io.surge.ticketing.booking.bookings.Booking;
import io.surge.ticketing.booking.bookings.BookingRepository;
import io.surge.ticketing.booking.bookings.BookingStatus;
import io.surge.ticketing.booking.tickets.TicketCodec;
import io.surge.ticketing.booking.tickets.TicketCodec.TicketCode;
import io.surge.ticketing.booking.tickets.TicketSeats;
import io.surge.ticketing.contracts.ErrorCode;
import io.surge.ticketing.platform.web.DomainException;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A ticket code presented at the door of an event: checked in exactly once. A code that is not ours (malformed,
 * forged, signed with a retired key) or names another event's ticket is INVALID_TICKET; a ticket of a refunded booking
 * is TICKET_REFUNDED; a second scan of a ticket is ALREADY_CHECKED_IN, naming the first check-in. Only the first scan
 * writes; the refusals are decided after the one insert that did not happen, so the common case is one statement.
 */
@Component
class DoorScans {

    private final TicketCodec codec;
    private final CheckInRepository checkIns;
    private final BookingRepository bookings;
    private final TicketSeats seats;
    private final MeterRegistry meters;

    DoorScans(TicketCodec codec, CheckInRepository checkIns, BookingRepository bookings, TicketSeats seats,
            MeterRegistry meters) {
        this.codec = codec;
        this.checkIns = checkIns;
        this.bookings = bookings;
        this.seats = seats;
        this.meters = meters;
        for (String outcome : List.of("CHECKED_IN", ErrorCode.ALREADY_CHECKED_IN.name())) {
            meters.counter("booking.check_ins", "outcome", outcome); // exported from the start, at 0
        }
    }

    record CheckedIn(@Schema(example = "1017") long ticketId, @Schema(example = "A") String section,
            @Schema(example = "3") String row, @Schema(example = "12") int number,
            @Schema(example = "2026-12-20T19:42:07Z") Instant checkedInAt) {
    }

    CheckedIn scan(long eventId, String code, String scannedBy) {
        TicketCode ticket = codec.decode(code).filter(t -> t.eventId() == eventId).orElseThrow(this::invalid);
        Optional<Instant> checkedIn = checkIns.checkIn(ticket, scannedBy);
        if (checkedIn.isEmpty()) {
            throw refusal(ticket);
        }
        TicketSeats.Seat seat = seats.find(eventId, List.of(ticket.ticketId())).get(ticket.ticketId());
        count("CHECKED_IN");
        return new CheckedIn(ticket.ticketId(), seat.section(), seat.row(), seat.number(), checkedIn.get());
    }

    /** Why a genuine code checked nothing in. */
    private DomainException refusal(TicketCode ticket) {
        Booking booking = bookings.find(ticket.bookingId())
                .filter(b -> b.eventId() == ticket.eventId() && b.ticketIds().contains(ticket.ticketId()))
                .orElse(null);
        if (booking == null) {
            return invalid();
        }
        if (booking.status() == BookingStatus.REFUNDED) {
            count(ErrorCode.TICKET_REFUNDED.name());
            return new DomainException(HttpStatus.CONFLICT, ErrorCode.TICKET_REFUNDED,
                    "ticket " + ticket.ticketId() + " was refunded", Map.of("ticket_id", ticket.ticketId()));
        }
        Optional<Instant> first = checkIns.checkedInAt(ticket);
        if (first.isPresent()) {
            count(ErrorCode.ALREADY_CHECKED_IN.name());
            return new DomainException(HttpStatus.CONFLICT, ErrorCode.ALREADY_CHECKED_IN,
                    "ticket " + ticket.ticketId() + " was checked in at " + first.get(),
                    Map.of("ticket_id", ticket.ticketId(), "checked_in_at", first.get().toString()));
        }
        return invalid(); // a booking that was never paid has no valid ticket
    }

    private DomainException invalid() {
        count(ErrorCode.INVALID_TICKET.name());
        return new DomainException(HttpStatus.UNPROCESSABLE_CONTENT, ErrorCode.INVALID_TICKET,
                "this code is not a ticket of this event");
    }

    private void count(String outcome) {
        meters.counter("booking.check_ins", "outcome", outcome).increment();
    }
}
