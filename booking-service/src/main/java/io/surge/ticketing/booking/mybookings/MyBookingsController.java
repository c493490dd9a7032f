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
import io.surge.ticketing.booking.web.RequestUser;
import io.surge.ticketing.contracts.ErrorCode;
import io.surge.ticketing.contracts.web.Headers;
import io.surge.ticketing.platform.web.DomainException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Positive;

/** The caller's own bookings, newest first, a page at a time. */
@RestController
class MyBookingsController {

    private final MyBookingsRepository bookings;

    MyBookingsController(MyBookingsRepository bookings) {
        this.bookings = bookings;
    }

    record Page(int page, int size, long total, List<BookingView> results) {
    }

    @Operation(summary = "The caller's bookings, newest first, optionally of one event and in one status")
    @ApiResponse(responseCode = "200", description = "one page; total counts every matching booking")
    @ApiResponse(responseCode = "400", description = "VALIDATION_FAILED: page < 1, size outside 1..100, event_id not positive, unknown status")
    @GetMapping("/api/v1/bookings")
    ResponseEntity<Page> list(@RequestHeader(name = Headers.USER_ID, required = false) String userHeader,
            @RequestParam(name = "event_id", required = false) @Positive Long eventId,
            @RequestParam(name = "status", required = false) String status,
            @RequestParam(name = "page", defaultValue = "1") @Min(1) int page,
            @RequestParam(name = "size", defaultValue = "20") @Min(1) @Max(100) int size) {
        MyBookingsQuery query = new MyBookingsQuery(RequestUser.require(userHeader), eventId, status(status), page, size);
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
