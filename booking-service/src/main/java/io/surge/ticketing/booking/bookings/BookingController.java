package io.surge.ticketing.booking.bookings;

import java.util.UUID;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import io.surge.ticketing.booking.admission.AdmissionCheck;
import io.surge.ticketing.booking.web.RequestUser;
import io.surge.ticketing.contracts.ErrorCode;
import io.surge.ticketing.contracts.web.Headers;
import io.surge.ticketing.platform.web.DomainException;
import io.swagger.v3.oas.annotations.Operation;

/** A fan's own bookings: status polls and cancellation. Another user's booking is answered 404. */
@RestController
class BookingController {

    private final BookingRepository bookings;
    private final PendingMarkers pending;
    private final BookingTransitions transitions;
    private final AdmissionCheck admission;

    BookingController(BookingRepository bookings, PendingMarkers pending, BookingTransitions transitions,
            AdmissionCheck admission) {
        this.bookings = bookings;
        this.pending = pending;
        this.transitions = transitions;
        this.admission = admission;
    }

    @Operation(summary = "A booking of the caller: PENDING while buffered, then RESERVED, CONFIRMED, EXPIRED, CANCELLED, REJECTED or REFUNDED (with its refund_id)")
    @GetMapping("/api/v1/bookings/{bookingId}")
    ResponseEntity<BookingView> get(@RequestHeader(name = Headers.USER_ID, required = false) String userHeader,
            @PathVariable UUID bookingId) {
        String userId = RequestUser.require(userHeader);
        BookingView view = bookings.find(bookingId)
                .filter(booking -> booking.userId().equals(userId))
                .map(BookingView::of)
                .or(() -> pending.pendingEvent(bookingId, userId).map(event -> BookingView.pending(bookingId, event)))
                .orElseThrow(() -> BookingTransitions.notFound(bookingId));
        var response = ResponseEntity.ok().cacheControl(CacheControl.noStore());
        if (view.status() == BookingStatus.PENDING) {
            response.header("Retry-After", "1");
        }
        return response.body(view);
    }

    @Operation(summary = "Release a hold that is not paid yet")
    @DeleteMapping("/api/v1/bookings/{bookingId}")
    BookingView cancel(@RequestHeader(name = Headers.USER_ID, required = false) String userHeader,
            @RequestHeader(name = Headers.ADMISSION_TOKEN, required = false) String admissionToken,
            @PathVariable UUID bookingId) {
        String userId = RequestUser.require(userHeader);
        Booking booking = bookings.find(bookingId).filter(b -> b.userId().equals(userId)).orElse(null);
        if (booking == null) {
            if (pending.pendingEvent(bookingId, userId).isPresent()) {
                throw new DomainException(HttpStatus.CONFLICT, ErrorCode.BOOKING_NOT_CANCELLABLE,
                        "the reservation is not decided yet; retry in a moment");
            }
            throw BookingTransitions.notFound(bookingId);
        }
        admission.require(admissionToken, userId, booking.eventId());
        return BookingView.of(transitions.cancel(booking));
    }
}
