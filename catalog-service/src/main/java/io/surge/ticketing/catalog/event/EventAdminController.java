package io.surge.ticketing.catalog.event;

import java.time.Clock;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

@RestController
@Tag(name = "admin")
class EventAdminController {

    private final EventAdminService service;
    private final Clock clock;

    EventAdminController(EventAdminService service, Clock clock) {
        this.service = service;
        this.clock = clock;
    }

    @PostMapping("/api/v1/admin/events")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create an event with a price tier per venue section; its inventory goes to booking",
            description = "\"publish\": false creates a DRAFT (fans get 404, not searchable, joinable or sellable "
                    + "until published). \"refund_deadline\" defaults to starts_at and must not be after it.")
    @ApiResponse(responseCode = "201", description = "created: {\"event_id\"}")
    @ApiResponse(responseCode = "400", description = "VALIDATION_FAILED (times, price tiers) or VENUE_NOT_FOUND")
    EventCreated create(@Valid @RequestBody CreateEventRequest request) {
        return new EventCreated(service.create(request));
    }

    @PatchMapping("/api/v1/admin/events/{eventId}")
    @Operation(summary = "Change any field of an event except its venue (409); changes reach search through CDC",
            description = "A change of on_sale_at, starts_at, refund_deadline or the prices sends the inventory to "
                    + "booking again. Answers the lifecycle status at this moment.")
    @ApiResponse(responseCode = "200", description = "{\"event_id\",\"version\",\"status\"}")
    @ApiResponse(responseCode = "400", description = "VALIDATION_FAILED")
    @ApiResponse(responseCode = "404", description = "EVENT_NOT_FOUND")
    @ApiResponse(responseCode = "409", description = "CONFLICT: a cancelled event, or a venue change")
    EventUpdated update(@PathVariable long eventId, @Valid @RequestBody UpdateEventRequest request) {
        EventSnapshot changed = service.update(eventId, request);
        return new EventUpdated(changed.id(), changed.version(), changed.statusAt(clock.instant()));
    }

    @PostMapping("/api/v1/admin/events/{eventId}/publish")
    @Operation(summary = "Publish a DRAFT: it becomes visible, searchable, joinable and sellable (idempotent)")
    @ApiResponse(responseCode = "200", description = "{\"event_id\",\"status\"}: the lifecycle status now "
            + "(SCHEDULED, ON_SALE, SOLD_OUT or CLOSED); publishing a published event answers the same")
    @ApiResponse(responseCode = "404", description = "EVENT_NOT_FOUND")
    @ApiResponse(responseCode = "409", description = "EVENT_CANCELLED")
    EventPublished publish(@PathVariable long eventId) {
        EventSnapshot published = service.publish(eventId);
        return new EventPublished(published.id(), published.statusAt(clock.instant()));
    }

    @DeleteMapping("/api/v1/admin/events/{eventId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Cancel an event (idempotent); it leaves search")
    @ApiResponse(responseCode = "204", description = "cancelled")
    @ApiResponse(responseCode = "404", description = "EVENT_NOT_FOUND")
    void cancel(@PathVariable long eventId) {
        service.cancel(eventId);
    }
}
