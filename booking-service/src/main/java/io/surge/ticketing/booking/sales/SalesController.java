package io.surge.ticketing.booking.sales;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import io.surge.ticketing.apidocs.ProblemAnswer;
import io.surge.ticketing.contracts.ErrorCode;
import io.surge.ticketing.contracts.web.Headers;
import io.surge.ticketing.platform.web.DomainException;
import io.surge.ticketing.platform.web.GatewayUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Positive;

/** The organizer's sales report of an event (admins only). */
@RestController
@Tag(name = "Sales report", description = "How an event sells, for its organizer (admin)")
class SalesController {

    private final SalesReports reports;

    SalesController(SalesReports reports) {
        this.reports = reports;
    }

    @Operation(operationId = "getSalesReport", summary = "An event's sales",
            description = "Lifecycle status, seats free, held, sold and refunded, money taken and refunded, check-ins "
                    + "and the waiting room's queue. Live: read it during the on-sale.")
    @ApiResponse(responseCode = "200", description = "the report; queue.waiting and queue.admitted are null when the waiting room did not answer")
    @ProblemAnswer(status = 404, codes = ErrorCode.EVENT_NOT_FOUND, when = "no such event")
    @GetMapping("/api/v1/admin/events/{event_id}/sales")
    ResponseEntity<SalesReports.Report> sales(@RequestHeader(name = Headers.USER_ROLES, required = false) String roles,
            @Parameter(description = "the event", example = "42") @PathVariable("event_id") @Positive long eventId) {
        GatewayUser.requireAdmin(roles);
        SalesReports.Report report = reports.report(eventId).orElseThrow(() -> new DomainException(HttpStatus.NOT_FOUND,
                ErrorCode.EVENT_NOT_FOUND, "no such event: " + eventId));
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(report);
    }
}
