package io.surge.ticketing.catalog.event;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

@RestController
@Tag(name = "admin")
class EventAdminController {

    private final EventAdminService service;

    EventAdminController(EventAdminService service) {
        this.service = service;
    }

    @PostMapping("/api/v1/admin/events")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create an event with a price tier per venue section; its inventory goes to booking")
    EventCreated create(@Valid @RequestBody CreateEventRequest request) {
        return new EventCreated(service.create(request));
    }

    @PatchMapping("/api/v1/admin/events/{eventId}")
    @Operation(summary = "Change any field of an event except its venue (409); changes reach search through CDC")
    EventUpdated update(@PathVariable long eventId, @Valid @RequestBody UpdateEventRequest request) {
        EventSnapshot changed = service.update(eventId, request);
        return new EventUpdated(changed.id(), changed.version(), changed.status());
    }

    @DeleteMapping("/api/v1/admin/events/{eventId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Cancel an event (idempotent); it leaves search")
    void cancel(@PathVariable long eventId) {
        service.cancel(eventId);
    }
}
