package io.surge.ticketing.booking.checkin;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import io.surge.ticketing.contracts.ErrorCode;
import io.surge.ticketing.contracts.web.Headers;
import io.surge.ticketing.contracts.web.UserRoles;
import io.surge.ticketing.platform.web.DomainException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

/** The door scanner: door staff (role scanner) and admins check a ticket's code in. */
@RestController
class CheckInController {

    private final DoorScans scans;

    CheckInController(DoorScans scans) {
        this.scans = scans;
    }

    @Operation(summary = "Check a ticket in at the door of the event (role admin or scanner); each ticket once")
    @ApiResponse(responseCode = "200", description = "checked in now: the ticket's seat and the check-in time")
    @ApiResponse(responseCode = "403", description = "FORBIDDEN: neither admin nor scanner")
    @ApiResponse(responseCode = "409", description = "ALREADY_CHECKED_IN (checked_in_at names the first check-in), TICKET_REFUNDED")
    @ApiResponse(responseCode = "422", description = "INVALID_TICKET: a malformed or forged code, or one of another event")
    @PostMapping("/api/v1/admin/events/{eventId}/check-ins")
    DoorScans.CheckedIn checkIn(@RequestHeader(name = Headers.USER_ROLES, required = false) String roles,
            @RequestHeader(name = Headers.USER_ID, required = false) String userId,
            @PathVariable @Positive long eventId, @Valid @RequestBody CheckInRequest request) {
        if (!UserRoles.mayCheckIn(roles)) {
            throw new DomainException(HttpStatus.FORBIDDEN, ErrorCode.FORBIDDEN, "checking tickets in needs the role admin or scanner");
        }
        return scans.scan(eventId, request.code(), userId == null || userId.length() > 128 ? null : userId);
    }

    record CheckInRequest(@NotNull String code) {
    }
}
