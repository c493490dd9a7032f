package io.surge.ticketing.booking.reserve;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.async.DeferredResult;

import io.surge.ticketing.booking.web.RequestUser;
import io.surge.ticketing.contracts.web.Headers;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;

@RestController
class ReserveController {

    private final ReservationBuffer buffer;

    ReserveController(ReservationBuffer buffer) {
        this.buffer = buffer;
    }

    @Operation(summary = "Reserve chosen seats or the best available seats of a section")
    @ApiResponse(responseCode = "201", description = "the hold is taken")
    @ApiResponse(responseCode = "202", description = "buffered, not decided yet: poll the Location")
    @ApiResponse(responseCode = "409", description = "SEATS_UNAVAILABLE (naming the taken seats; with \"sold_out\": true and no booking_id when the section is sold out and the request was refused without being buffered), TICKET_LIMIT_EXCEEDED (without booking_id when the fan's tickets already decided leave no room and the request was refused without being buffered), EVENT_NOT_ON_SALE (before on_sale_at), SALE_CLOSED (from the show's starts_at), EVENT_CANCELLED")
    @ApiResponse(responseCode = "404", description = "EVENT_NOT_FOUND: no such event, or a DRAFT not published yet")
    @ApiResponse(responseCode = "403", description = "missing, expired, forged or other-event admission token")
    @ApiResponse(responseCode = "503", description = "OVERLOADED: the buffer is too deep (Retry-After)")
    @PostMapping("/api/v1/bookings/reserve")
    DeferredResult<ResponseEntity<Object>> reserve(
            @RequestHeader(name = Headers.USER_ID, required = false) String userId,
            @RequestHeader(name = Headers.ADMISSION_TOKEN, required = false) String admissionToken,
            @RequestHeader(name = Headers.IDEMPOTENCY_KEY, required = false) String idempotencyKey,
            @Valid @RequestBody ReserveRequest request) {
        return buffer.submit(RequestUser.require(userId), admissionToken, idempotencyKey, request);
    }
}
