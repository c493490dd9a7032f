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

import io.surge.ticketing.contracts.ErrorCode;
import io.surge.ticketing.contracts.web.Headers;
import io.surge.ticketing.contracts.web.UserRoles;
import io.surge.ticketing.platform.web.DomainException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

/**
 * Admin settings of an event's waiting room. The gateway already requires the admin role; the role header is
 * checked again here because this service must not depend on being reached only through one route.
 */
@RestController
@RequestMapping("/api/v1/admin/events/{eventId}/waiting-room")
@Tag(name = "waiting room admin")
class SettingsController {

    private final SettingsStore store;
    private final SettingsPublisher publisher;
    private final EventLookup events;

    SettingsController(SettingsStore store, SettingsPublisher publisher, EventLookup events) {
        this.store = store;
        this.publisher = publisher;
        this.events = events;
    }

    @Operation(summary = "The waiting-room settings of an event",
            description = "An event the waiting room has not heard of through Kafka yet is looked up in the catalog.")
    @ApiResponse(responseCode = "200", description = "the settings in force")
    @ApiResponse(responseCode = "403", description = "FORBIDDEN: the admin role is required", content = @Content)
    @ApiResponse(responseCode = "404", description = "EVENT_NOT_FOUND: the catalog does not know the event",
            content = @Content)
    @ApiResponse(responseCode = "503", description = "SERVICE_UNAVAILABLE: the catalog cannot be asked now, or the "
            + "settings are being restored after Redis lost its data (Retry-After)", content = @Content)
    @GetMapping
    SaleSettings get(@PathVariable long eventId,
            @Parameter(hidden = true) @RequestHeader(name = Headers.USER_ROLES, required = false) String roles) {
        requireAdmin(roles);
        return events.settings(eventId).orElseThrow(() -> notFound(eventId));
    }

    @Operation(summary = "Change the waiting-room settings of an event (omitted fields keep their value)",
            description = "Accepted as soon as the catalog has created the event (a DRAFT included): an event the "
                    + "waiting room has not heard of through Kafka yet is looked up in the catalog and learned.")
    @ApiResponse(responseCode = "200", description = "the stored settings, published to booking")
    @ApiResponse(responseCode = "400", description = "VALIDATION_FAILED with field errors", content = @Content)
    @ApiResponse(responseCode = "403", description = "FORBIDDEN: the admin role is required", content = @Content)
    @ApiResponse(responseCode = "404", description = "EVENT_NOT_FOUND: the catalog does not know the event",
            content = @Content)
    @ApiResponse(responseCode = "503", description = "SERVICE_UNAVAILABLE: the catalog or Kafka cannot be reached "
            + "now, or the settings are being restored after Redis lost its data (Retry-After)", content = @Content)
    @PutMapping
    SaleSettings put(@PathVariable long eventId, @Valid @RequestBody SettingsRequest request,
            @Parameter(hidden = true) @RequestHeader(name = Headers.USER_ROLES, required = false) String roles) {
        requireAdmin(roles);
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

    private static void requireAdmin(String roles) {
        if (!UserRoles.isAdmin(roles)) {
            throw new DomainException(HttpStatus.FORBIDDEN, ErrorCode.FORBIDDEN, "the admin role is required");
        }
    }

    private static DomainException notFound(long eventId) {
        return new DomainException(HttpStatus.NOT_FOUND, ErrorCode.EVENT_NOT_FOUND,
                "there is no event " + eventId);
    }
}
