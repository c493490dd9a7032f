package io.surge.ticketing.booking.bookings;

import java.util.Map;
import java.util.UUID;

import org.springframework.http.HttpStatus;

import io.surge.ticketing.contracts.ErrorCode;
import io.surge.ticketing.platform.web.DomainException;

/** The refusals about one booking that several features answer alike. */
public final class BookingProblems {

    private BookingProblems() {
    }

    /** Unknown, or another fan's: the caller is not told which. */
    public static DomainException notFound(UUID bookingId) {
        return new DomainException(HttpStatus.NOT_FOUND, ErrorCode.BOOKING_NOT_FOUND, "no such booking: " + bookingId);
    }

    /** Tickets, codes and refunds exist only for a paid booking. */
    public static DomainException notConfirmed(Booking booking) {
        return notConfirmed(booking.bookingId(), booking.status());
    }

    public static DomainException notConfirmed(UUID bookingId, BookingStatus status) {
        return new DomainException(HttpStatus.CONFLICT, ErrorCode.BOOKING_NOT_CONFIRMED,
                "booking " + bookingId + " is " + status + ", not CONFIRMED", Map.of("booking_status", status.name()));
    }
}
