package io.surge.ticketing.booking.tickets;

import java.util.UUID;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import io.surge.ticketing.booking.web.RequestUser;
import io.surge.ticketing.contracts.web.Headers;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

/** The caller's tickets of one of their bookings, and a QR image of each ticket's code. */
@RestController
class TicketsController {

    private final IssuedTickets tickets;

    TicketsController(IssuedTickets tickets) {
        this.tickets = tickets;
    }

    @Operation(summary = "The tickets of the caller's paid booking: seat, price paid, signed code and VALID, CHECKED_IN or REFUNDED")
    @ApiResponse(responseCode = "200", description = "one ticket per seat")
    @ApiResponse(responseCode = "404", description = "BOOKING_NOT_FOUND: no such booking of the caller")
    @ApiResponse(responseCode = "409", description = "BOOKING_NOT_CONFIRMED: the booking is not CONFIRMED or REFUNDED (booking_status names its state)")
    @GetMapping("/api/v1/bookings/{bookingId}/tickets")
    ResponseEntity<IssuedTickets.Tickets> tickets(@RequestHeader(name = Headers.USER_ID, required = false) String userId,
            @PathVariable UUID bookingId) {
        // codes open doors: never stored by a cache on the way
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .body(tickets.of(RequestUser.require(userId), bookingId));
    }

    @Operation(summary = "A QR code (PNG) of one ticket's code, for the door scanner")
    @ApiResponse(responseCode = "200", description = "the QR image", content = @Content(mediaType = MediaType.IMAGE_PNG_VALUE))
    @ApiResponse(responseCode = "404", description = "BOOKING_NOT_FOUND (no such booking of the caller), NOT_FOUND (no such ticket in it)")
    @ApiResponse(responseCode = "409", description = "BOOKING_NOT_CONFIRMED: the booking is not CONFIRMED")
    @GetMapping("/api/v1/bookings/{bookingId}/tickets/{ticketId}/qr")
    ResponseEntity<byte[]> qr(@RequestHeader(name = Headers.USER_ID, required = false) String userId,
            @PathVariable UUID bookingId, @PathVariable long ticketId) {
        IssuedTickets.Ticket ticket = tickets.one(RequestUser.require(userId), bookingId, ticketId);
        return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG).cacheControl(CacheControl.noStore())
                .body(QrImages.png(ticket.code()));
    }
}
