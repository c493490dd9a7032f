package io.surge.ticketing.booking.bookings;

import java.util.UUID;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * Service-to-service API for payment-service (never routed by the gateway): read a booking whoever owns it,
 * and confirm it once paid.
 */
@Hidden
@RestController
class InternalBookingController {

    private final BookingRepository bookings;
    private final BookingTransitions transitions;

    InternalBookingController(BookingRepository bookings, BookingTransitions transitions) {
        this.bookings = bookings;
        this.transitions = transitions;
    }

    @GetMapping("/internal/bookings/{bookingId}")
    InternalBooking get(@PathVariable UUID bookingId) {
        return bookings.find(bookingId).map(InternalBooking::of)
                .orElseThrow(() -> BookingTransitions.notFound(bookingId));
    }

    @PostMapping("/internal/bookings/{bookingId}/confirm")
    InternalBooking confirm(@PathVariable UUID bookingId, @Valid @RequestBody ConfirmRequest request) {
        return InternalBooking.of(transitions.confirm(bookingId, request.paymentId()));
    }

    record ConfirmRequest(@NotBlank @Size(max = 128) String paymentId) {
    }

    record InternalBooking(UUID bookingId, long eventId, String userId, BookingStatus status,
            java.util.List<Long> ticketIds, long totalCents, java.time.Instant expiresAt, String paymentId) {

        static InternalBooking of(Booking b) {
            return new InternalBooking(b.bookingId(), b.eventId(), b.userId(), b.status(), b.ticketIds(),
                    b.totalCents(), b.expiresAt(), b.paymentId());
        }
    }
}
