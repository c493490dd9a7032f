package io.surge.ticketing.booking.tickets;

import java.util.UUID;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import io.surge.ticketing.apidocs.ProblemAnswer;
import io.surge.ticketing.contracts.ErrorCode;
import io.surge.ticketing.contracts.web.Headers;
import io.surge.ticketing.platform.web.GatewayUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The caller's tickets of one of their bookings, and a QR image of each ticket's code. */
@RestController
@Tag(name = "Tickets", description = "The tickets of a paid booking, with their signed codes and QR images")
class TicketsController {

    private final IssuedTickets tickets;

    TicketsController(IssuedTickets tickets) {
        this.tickets = tickets;
    }

    @Operation(operationId = "getTickets", summary = "The tickets of the caller's paid booking",
            description = "One ticket per seat: section, row, number, the price paid, the signed `code` the door "
                    + "scanner checks (only the platform can mint one) and its status (VALID, CHECKED_IN or REFUNDED).")
    @ApiResponse(responseCode = "200", description = "one ticket per seat")
    @ProblemAnswer(status = 404, codes = ErrorCode.BOOKING_NOT_FOUND, when = "no such booking of the caller")
    @ProblemAnswer(status = 409, codes = ErrorCode.BOOKING_NOT_CONFIRMED, when = "the booking is not CONFIRMED or "
            + "REFUNDED (`booking_status` names its state)")
    @GetMapping("/api/v1/bookings/{booking_id}/tickets")
    ResponseEntity<IssuedTickets.Tickets> tickets(@RequestHeader(name = Headers.USER_ID, required = false) String userId,
            @Parameter(description = "the booking (`booking_id` of the reserve answer)", example = "0b6f3c1e-4a52-4f0e-9d1b-6c2a7e8f9a01") @PathVariable("booking_id") UUID bookingId) {
        // codes open doors: never stored by a cache on the way
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .body(tickets.of(GatewayUser.require(userId), bookingId));
    }

    @Operation(operationId = "getTicketQr", summary = "A QR code (PNG) of one ticket's code, for the door scanner")
    @ApiResponse(responseCode = "200", description = "the QR image",
            content = @Content(mediaType = MediaType.IMAGE_PNG_VALUE, schema = @Schema(type = "string", format = "binary")))
    @ProblemAnswer(status = 404, codes = ErrorCode.BOOKING_NOT_FOUND, when = "no such booking of the caller")
    @ProblemAnswer(status = 404, codes = ErrorCode.NOT_FOUND, when = "no such ticket in the booking")
    @ProblemAnswer(status = 409, codes = ErrorCode.BOOKING_NOT_CONFIRMED, when = "the booking is not CONFIRMED")
    @GetMapping("/api/v1/bookings/{booking_id}/tickets/{ticket_id}/qr")
    ResponseEntity<byte[]> qr(@RequestHeader(name = Headers.USER_ID, required = false) String userId,
            @Parameter(description = "the booking (`booking_id` of the reserve answer)", example = "0b6f3c1e-4a52-4f0e-9d1b-6c2a7e8f9a01") @PathVariable("booking_id") UUID bookingId, @Parameter(description = "a ticket of the booking (`ticket_id` of its tickets)", example = "1017")
            @PathVariable("ticket_id") long ticketId) {
        IssuedTickets.Ticket ticket = tickets.one(GatewayUser.require(userId), bookingId, ticketId);
        return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG).cacheControl(CacheControl.noStore())
                .body(QrImages.png(ticket.code()));
    }
}
