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

import io.surge.ticketing.apidocs.ProblemAnswer;
import io.surge.ticketing.booking.admission.AdmissionCheck;
import io.surge.ticketing.contracts.ErrorCode;
import io.surge.ticketing.contracts.web.Headers;
import io.surge.ticketing.platform.web.DomainException;
import io.surge.ticketing.platform.web.GatewayUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/** A fan's own bookings: status polls and cancellation. Another user's booking is answered 404. */
@RestController
@Tag(name = "Bookings", description = "A fan's own bookings: status, cancellation and the list")
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

    @Operation(operationId = "getBooking", summary = "A booking of the caller",
            description = "PENDING while a buffered reservation is not decided yet (with `Retry-After`), then RESERVED "
                    + "(a hold until `expires_at`), CONFIRMED (paid, with `payment_id`), EXPIRED, CANCELLED, REJECTED "
                    + "(with `reason`) or REFUNDED (with `refund_id`). Another fan's booking is answered 404. Never cached.")
    @ApiResponse(responseCode = "200", description = "the booking",
            headers = @Header(name = "Retry-After", description = "while PENDING: seconds before polling again",
                    schema = @Schema(type = "integer")))
    @ProblemAnswer(status = 404, codes = ErrorCode.BOOKING_NOT_FOUND, when = "no such booking of the caller")
    @GetMapping("/api/v1/bookings/{booking_id}")
    ResponseEntity<BookingView> get(@RequestHeader(name = Headers.USER_ID, required = false) String userHeader,
            @Parameter(description = "the booking (`booking_id` of the reserve answer)", example = "0b6f3c1e-4a52-4f0e-9d1b-6c2a7e8f9a01") @PathVariable("booking_id") UUID bookingId) {
        String userId = GatewayUser.require(userHeader);
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

    @Operation(operationId = "cancelBooking", summary = "Release a hold that is not paid yet",
            description = "The seats go back on sale at once; the answer is the booking, now CANCELLED. Needs the "
                    + "admission token of the booking's event, like reserving.")
    @ApiResponse(responseCode = "200", description = "cancelled: the booking, now CANCELLED, its seats back on sale")
    @ProblemAnswer(status = 404, codes = ErrorCode.BOOKING_NOT_FOUND, when = "no such booking of the caller")
    @ProblemAnswer(status = 409, codes = ErrorCode.BOOKING_NOT_CANCELLABLE, when = "the booking is paid, already "
            + "ended, or a buffered reservation not decided yet (retry in a moment)")
    @ProblemAnswer(status = 409, codes = ErrorCode.HOLD_EXPIRED, when = "the hold expired before the cancellation")
    @DeleteMapping("/api/v1/bookings/{booking_id}")
    BookingView cancel(@RequestHeader(name = Headers.USER_ID, required = false) String userHeader,
            @RequestHeader(name = Headers.ADMISSION_TOKEN, required = false) String admissionToken,
            @Parameter(description = "the booking (`booking_id` of the reserve answer)", example = "0b6f3c1e-4a52-4f0e-9d1b-6c2a7e8f9a01") @PathVariable("booking_id") UUID bookingId) {
        String userId = GatewayUser.require(userHeader);
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
