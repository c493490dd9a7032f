package io.surge.ticketing.booking.checkin;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import io.surge.ticketing.apidocs.ProblemAnswer;
import io.surge.ticketing.apidocs.RequiredRoles;
import io.surge.ticketing.contracts.ErrorCode;
import io.surge.ticketing.contracts.web.Headers;
import io.surge.ticketing.contracts.web.UserRoles;
import io.surge.ticketing.platform.web.DomainException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

/** The door scanner: door staff (role scanner) and admins check a ticket's code in. */
@RestController
@Tag(name = "Door check-in", description = "Scanning tickets at the door (role admin or scanner)")
class CheckInController {

    private final DoorScans scans;

    CheckInController(DoorScans scans) {
        this.scans = scans;
    }

    @Operation(operationId = "checkIn", summary = "Check a ticket in at the door of the event; each ticket once",
            description = "The body carries the `code` read from the ticket's QR. Two scanners racing on one code: one "
                    + "gets 200, the other 409 ALREADY_CHECKED_IN with the first `checked_in_at`.")
    @ApiResponse(responseCode = "200", description = "checked in now: the ticket's seat and the check-in time")
    @RequiredRoles({"admin", "scanner"})
    @ProblemAnswer(status = 409, codes = ErrorCode.ALREADY_CHECKED_IN, when = "the code was checked in before "
            + "(`checked_in_at` names the first check-in)")
    @ProblemAnswer(status = 409, codes = ErrorCode.TICKET_REFUNDED, when = "the ticket was refunded")
    @ProblemAnswer(status = 422, codes = ErrorCode.INVALID_TICKET, when = "a malformed or forged code, or one of another event")
    @PostMapping("/api/v1/admin/events/{event_id}/check-ins")
    DoorScans.CheckedIn checkIn(@RequestHeader(name = Headers.USER_ROLES, required = false) String roles,
            @RequestHeader(name = Headers.USER_ID, required = false) String userId,
            @Parameter(description = "the event", example = "42") @PathVariable("event_id") @Positive long eventId, @Valid @RequestBody CheckInRequest request) {
        if (!UserRoles.mayCheckIn(roles)) {
            throw new DomainException(HttpStatus.FORBIDDEN, ErrorCode.FORBIDDEN, "checking tickets in needs the role admin or scanner");
        }
        return scans.scan(eventId, request.code(), userId == null || userId.length() > 128 ? null : userId);
    }

    record CheckInRequest(@Schema(description = "the code read from the ticket's QR",
            example = "t1.3f9a1c2e.AAAAAAAAACoAAAAAAAAD-Q.Yk0bC2xW9nR3vQ8sT1uE4aZ7pL6mJ5hG2fD0cX9yV8w", requiredMode = Schema.RequiredMode.REQUIRED) @NotNull String code) {
    }
}
