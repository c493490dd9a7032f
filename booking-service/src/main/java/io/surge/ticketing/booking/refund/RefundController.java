package io.surge.ticketing.booking.refund;

import java.util.UUID;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.surge.ticketing.booking.bookings.Booking;
import io.surge.ticketing.booking.bookings.InternalBookingView;
import io.surge.ticketing.booking.inventory.EventInventoryRepository;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/**
 * Service-to-service (payment-service, never routed by the gateway): record a refund the provider has made.
 * 200 with the booking, now REFUNDED (again for a booking already REFUNDED, with its first refund); 409
 * BOOKING_NOT_CONFIRMED for any other status; 404 for an unknown booking.
 */
@Hidden
@RestController
class RefundController {

    private final BookingRefunds refunds;
    private final EventInventoryRepository events;

    RefundController(BookingRefunds refunds, EventInventoryRepository events) {
        this.refunds = refunds;
        this.events = events;
    }

    @PostMapping("/internal/bookings/{bookingId}/refund")
    InternalBookingView refund(@PathVariable UUID bookingId, @Valid @RequestBody RefundRequest request) {
        Booking booking = refunds.refund(bookingId, request.refundId(), request.amountCents());
        return InternalBookingView.of(booking, events.find(booking.eventId()).orElse(null));
    }

    record RefundRequest(@NotBlank @Size(max = 128) String refundId, @NotNull @PositiveOrZero Long amountCents) {
    }
}
