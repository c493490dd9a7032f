package io.surge.ticketing.catalog.internal;

import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import io.surge.ticketing.catalog.event.EventNotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * For the platform's own services only: platform-support's ServiceAuthenticationFilter (on every path) answers 401
 * to a call without a valid service credential, and the gateway routes no {@code /internal/**} path. Read from the
 * primary, never cached: a caller deciding a refund or a join needs the committed state.
 */
@RestController
@Tag(name = "internal")
class InternalEventController {

    private final InternalEventRepository events;

    InternalEventController(InternalEventRepository events) {
        this.events = events;
    }

    @GetMapping("/internal/events/{eventId}")
    @Operation(summary = "An event's sale times, refund deadline, publication and cancellation (service credential)")
    @ApiResponse(responseCode = "200",
            description = "{\"event_id\",\"on_sale_at\",\"starts_at\",\"refund_deadline\",\"published\",\"cancelled\"}")
    @ApiResponse(responseCode = "401", description = "UNAUTHORIZED: no valid service credential")
    @ApiResponse(responseCode = "404", description = "EVENT_NOT_FOUND")
    ResponseEntity<InternalEventView> event(@PathVariable long eventId) {
        InternalEventView view = events.find(eventId).orElseThrow(() -> new EventNotFoundException(eventId));
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(view);
    }
}
