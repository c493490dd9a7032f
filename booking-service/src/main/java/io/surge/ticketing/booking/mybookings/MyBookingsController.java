package io.surge.ticketing.booking.mybookings;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.surge.ticketing.booking.bookings.BookingStatus;
import io.surge.ticketing.booking.bookings.BookingView;
import io.surge.ticketing.contracts.ErrorCode;
import io.surge.ticketing.contracts.web.Headers;
import io.surge.ticketing.platform.web.DomainException;
import io.surge.ticketing.platform.web.GatewayUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Positive;

/** The caller's own bookings, newest first, a page at a time. */
@RestController
@Tag(name = "Bookings", description = "A fan's own bookings: status, cancellation and the list")
class MyBookingsController {

    private final MyBookingsRepository bookings;

    MyBookingsController(MyBookingsRepository bookings) {
        this.bookings = bookings;
    }

    record Page(@Schema(example = "1") int page, @Schema(example = "20") int size,
            @Schema(description = "every matching booking", example = "3") long total, List<BookingView> results) {
    }

    @Operation(operationId = "listMyBookings", summary = "The caller's bookings, newest first",
            description = "Optionally of one event and in one status (PENDING, RESERVED, CONFIRMED, EXPIRED, CANCELLED, "
                    + "REJECTED, REFUNDED). Pages count from 1; `total` counts every matching booking.")
    @ApiResponse(responseCode = "200", description = "one page; total counts every matching booking")
    @GetMapping("/api/v1/bookings")
    ResponseEntity<Page> list(@RequestHeader(name = Headers.USER_ID, required = false) String userHeader,
            @Parameter(description = "only this event's bookings", example = "42")
            @RequestParam(name = "event_id", required = false) @Positive Long eventId,
            @Parameter(description = "only bookings in this status", example = "CONFIRMED", schema = @Schema(type = "string",
                    allowableValues = {"PENDING", "RESERVED", "CONFIRMED", "EXPIRED", "CANCELLED", "REJECTED", "REFUNDED"}))
            @RequestParam(name = "status", required = false) String status,
            @Parameter(description = "the page, from 1") @RequestParam(name = "page", defaultValue = "1") @Min(1) int page,
            @Parameter(description = "bookings per page, 1 to 100") @RequestParam(name = "size", defaultValue = "20") @Min(1) @Max(100) int size) {
        MyBookingsQuery query = new MyBookingsQuery(GatewayUser.require(userHeader), eventId, status(status), page, size);
        List<BookingView> results = bookings.page(query).stream().map(BookingView::of).toList();
        long total = page == 1 && results.size() < size ? results.size() : bookings.count(query);
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(new Page(page, size, total, results));
    }

    private static BookingStatus status(String status) {
        if (status == null) {
            return null;
        }
        return Arrays.stream(BookingStatus.values()).filter(s -> s.name().equals(status)).findFirst()
                .orElseThrow(() -> new DomainException(HttpStatus.BAD_REQUEST, ErrorCode.VALIDATION_FAILED,
                        "status must be one of " + Arrays.toString(BookingStatus.values()),
                        Map.of("errors", List.of(Map.of("field", "status", "message", "not a booking status")))));
    }
}
