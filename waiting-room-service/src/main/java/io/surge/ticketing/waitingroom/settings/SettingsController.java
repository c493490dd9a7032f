package io.surge.ticketing.waitingroom.settings;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
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
import jakarta.validation.Valid;

/**
 * Admin settings of an event's waiting room. The gateway already requires the admin role; the role header is
 * checked again here because this service must not depend on being reached only through one route.
 */
@RestController
@RequestMapping("/api/v1/admin/events/{event_id}/waiting-room")
@Tag(name = "Waiting room (admin)", description = "An organizer paces an event's sale: pre-queue, admission rate, "
        + "sessions, holds and ticket limits (role admin)")
class SettingsController {

    private final SettingsStore store;
    private final SettingsPublisher publisher;
    private final EventLookup events;

    SettingsController(SettingsStore store, SettingsPublisher publisher, EventLookup events) {
        this.store = store;
        this.publisher = publisher;
        this.events = events;
    }

    @Operation(operationId = "getWaitingRoomSettings", summary = "Read an event's waiting-room settings",
            description = "The settings in force, with the event's `on_sale_at` (T0). An event the waiting room has "
                    + "not heard of yet is looked up in the catalog. Safe to retry; while the catalog cannot be asked, "
                    + "or the settings are being restored after a data loss, the answer is a 503 with `Retry-After`.")
    @ApiResponse(responseCode = "200", description = "the settings in force")
    @ProblemAnswer(status = 404, codes = ErrorCode.EVENT_NOT_FOUND, when = "the catalog does not know the event")
    @GetMapping
    SaleSettings get(@Parameter(description = "the event", example = "42") @PathVariable("event_id") long eventId,
            @RequestHeader(name = Headers.USER_ROLES, required = false) String roles) {
        GatewayUser.requireAdmin(roles);
        return events.settings(eventId).orElseThrow(() -> notFound(eventId));
    }

    @Operation(operationId = "putWaitingRoomSettings", summary = "Change an event's waiting-room settings",
            description = "Changes the members given; omitted ones keep their value. Accepted as soon as "
                    + "`POST /api/v1/admin/events` has answered (a DRAFT included). The sale starts at the event's "
                    + "`on_sale_at`; `prequeue_opens_at` must not be after it (400 VALIDATION_FAILED). The stored "
                    + "settings take effect in the waiting room at once and are sent on to booking (hold length, "
                    + "ticket limit).\n\n"
                    + "Idempotent: the same settings again change nothing, so a retry is safe. While the catalog or "
                    + "Kafka cannot be reached, or the settings are being restored after a data loss, the answer is a "
                    + "503 with `Retry-After`.")
    @ApiResponse(responseCode = "200", description = "the stored settings, now in force")
    @ProblemAnswer(status = 404, codes = ErrorCode.EVENT_NOT_FOUND, when = "the catalog does not know the event")
    @PutMapping
    SaleSettings put(@Parameter(description = "the event", example = "42") @PathVariable("event_id") long eventId,
            @Valid @RequestBody SettingsRequest request,
            @RequestHeader(name = Headers.USER_ROLES, required = false) String roles) {
        GatewayUser.requireAdmin(roles);
        SaleSettings current = events.settings(eventId).orElseThrow(() -> notFound(eventId));
        Instant opens = request.prequeueOpensAt();
        if (opens != null && opens.isAfter(current.onSaleAt())) {
            throw new DomainException(HttpStatus.BAD_REQUEST, ErrorCode.VALIDATION_FAILED, "request body is invalid",
                    Map.of("errors", List.of(Map.of("field", "prequeue_opens_at",
                            "message", "must not be after on_sale_at (" + current.onSaleAt() + ")"))));
        }
        store.update(eventId, request);
        SaleSettings updated = store.find(eventId).orElseThrow(() -> notFound(eventId));
        publisher.publish(updated);
        return updated;
    }

    private static DomainException notFound(long eventId) {
        return new DomainException(HttpStatus.NOT_FOUND, ErrorCode.EVENT_NOT_FOUND,
                "there is no event " + eventId);
    }
}
