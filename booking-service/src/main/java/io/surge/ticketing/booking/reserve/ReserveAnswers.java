package io.surge.ticketing.booking.reserve;

import java.net.URI;
import java.util.Map;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import io.surge.ticketing.booking.bookings.BookingStatus;
import io.surge.ticketing.booking.bookings.BookingView;
import io.surge.ticketing.booking.decide.Decision;
import io.surge.ticketing.contracts.ErrorCode;
import io.surge.ticketing.platform.web.DomainException;

/**
 * The reserve endpoint's answers, the same whether the controller or the servlet fast path ({@link ReserveFastPath})
 * writes them: 202 with the booking to poll, 201 with the hold, or the decider's refusal as a problem.
 */
final class ReserveAnswers {

    private ReserveAnswers() {
    }

    static ResponseEntity<Object> accepted(UUID bookingId, long eventId) {
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                .location(URI.create("/api/v1/bookings/" + bookingId))
                .header("Retry-After", "1")
                .body(Map.of("booking_id", bookingId, "status", BookingStatus.PENDING, "event_id", eventId));
    }

    static ResponseEntity<Object> created(Decision decision) {
        return ResponseEntity.status(HttpStatus.CREATED)
                .location(URI.create("/api/v1/bookings/" + decision.bookingId()))
                .body(new BookingView(decision.bookingId(), decision.status(), decision.eventId(), decision.ticketIds(),
                        decision.expiresAt(), decision.totalCents(), null, null, null, null));
    }

    static DomainException rejection(Decision decision) {
        ErrorCode code = decision.reason() == null ? ErrorCode.SEATS_UNAVAILABLE : ErrorCode.valueOf(decision.reason());
        HttpStatus status = code == ErrorCode.EVENT_NOT_FOUND ? HttpStatus.NOT_FOUND : HttpStatus.CONFLICT;
        String detail = switch (code) {
            case SEATS_UNAVAILABLE -> "the requested seats are no longer available";
            case TICKET_LIMIT_EXCEEDED -> "this reservation would exceed the per-fan ticket limit of the event";
            case EVENT_NOT_ON_SALE -> "the sale has not started";
            case EVENT_CANCELLED -> "the event is cancelled";
            case SALE_CLOSED -> "the sale closed when the show started";
            case EVENT_NOT_FOUND -> "the event is not on sale here";
            default -> "the reservation was rejected";
        };
        return new DomainException(status, code, detail, Map.of(
                "booking_id", decision.bookingId().toString(),
                "unavailable_ticket_ids", decision.unavailableTicketIds()));
    }
}
