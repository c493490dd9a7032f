package io.surge.ticketing.catalog.internal;

import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import io.surge.ticketing.catalog.event.EventNotFoundException;
import io.swagger.v3.oas.annotations.Hidden;

/**
 * For the platform's own services only: platform-support's ServiceAuthenticationFilter (on every path) answers 401
 * to a call without a valid service credential, and the gateway routes no {@code /internal/**} path. Read from the
 * primary, never cached: a caller deciding a refund or a join needs the committed state. Not part of the public API
 * description (as booking's {@code /internal/**}): answers {@code 200 {"event_id","on_sale_at","starts_at",
 * "refund_deadline","published","cancelled"}}, 401 without a valid service credential, 404 EVENT_NOT_FOUND.
 */
@Hidden
@RestController
class InternalEventController {

    private final InternalEventRepository events;

    InternalEventController(InternalEventRepository events) {
        this.events = events;
    }

    @GetMapping("/internal/events/{eventId}")
    ResponseEntity<InternalEventView> event(@PathVariable long eventId) {
        InternalEventView view = events.find(eventId).orElseThrow(() -> new EventNotFoundException(eventId));
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(view);
    }
}
