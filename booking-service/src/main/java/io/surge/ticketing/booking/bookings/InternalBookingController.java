package io.surge.ticketing.booking.bookings;

import java.util.UUID;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.surge.ticketing.booking.inventory.EventFactsCache;
import io.surge.ticketing.booking.inventory.EventInventoryRepository;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * Service-to-service API for payment-service (never routed by the gateway): read a booking whoever owns it, with its
 * event's refund deadline and cancellation, and confirm it once paid. (Recording a refund is {@code booking.refund}.)
 */
@Hidden
@RestController
class InternalBookingController {

    private final BookingRepository bookings;
    private final EventInventoryRepository events;
    private final EventFactsCache cachedEvents;
    private final BookingTransitions transitions;

    InternalBookingController(BookingRepository bookings, EventInventoryRepository events,
            EventFactsCache cachedEvents, BookingTransitions transitions) {
        this.bookings = bookings;
        this.events = events;
        this.cachedEvents = cachedEvents;
        this.transitions = transitions;
    }

    /** Read before a refund decision: the event's facts as they are now, not as cached. */
    @GetMapping("/internal/bookings/{bookingId}")
    InternalBookingView get(@PathVariable UUID bookingId) {
        Booking booking = bookings.find(bookingId).orElseThrow(() -> BookingProblems.notFound(bookingId));
        return InternalBookingView.of(booking, events.find(booking.eventId()).orElse(null));
    }

    /** On the payment path: the event's facts from the few seconds' cache (payment reads only the status). */
    @PostMapping("/internal/bookings/{bookingId}/confirm")
    InternalBookingView confirm(@PathVariable UUID bookingId, @Valid @RequestBody ConfirmRequest request) {
        Booking booking = transitions.confirm(bookingId, request.paymentId());
        return InternalBookingView.of(booking, cachedEvents.find(booking.eventId()).orElse(null));
    }

    record ConfirmRequest(@NotBlank @Size(max = 128) String paymentId) {
    }
}
