package io.surge.ticketing.booking.sales;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import io.surge.ticketing.contracts.ErrorCode;
import io.surge.ticketing.contracts.web.Headers;
import io.surge.ticketing.contracts.web.UserRoles;
import io.surge.ticketing.platform.web.DomainException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.constraints.Positive;

/** The organizer's sales report of an event (admins only). */
@RestController
class SalesController {

    private final SalesReports reports;

    SalesController(SalesReports reports) {
        this.reports = reports;
    }

    @Operation(summary = "An event's sales: lifecycle status, seats free, held, sold and refunded, money taken and refunded, check-ins and the waiting room's queue (admin)")
    @ApiResponse(responseCode = "200", description = "the report; queue.waiting and queue.admitted are null when the waiting room did not answer")
    @ApiResponse(responseCode = "403", description = "FORBIDDEN: not an admin")
    @ApiResponse(responseCode = "404", description = "EVENT_NOT_FOUND")
    @GetMapping("/api/v1/admin/events/{eventId}/sales")
    ResponseEntity<SalesReports.Report> sales(@RequestHeader(name = Headers.USER_ROLES, required = false) String roles,
            @PathVariable @Positive long eventId) {
        if (!UserRoles.isAdmin(roles)) {
            throw new DomainException(HttpStatus.FORBIDDEN, ErrorCode.FORBIDDEN, "the sales report is for admins");
        }
        SalesReports.Report report = reports.report(eventId).orElseThrow(() -> new DomainException(HttpStatus.NOT_FOUND,
                ErrorCode.EVENT_NOT_FOUND, "no such event: " + eventId));
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(report);
    }
}
