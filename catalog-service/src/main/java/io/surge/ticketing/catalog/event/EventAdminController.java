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

import io.surge.ticketing.apidocs.ProblemAnswer;
import io.surge.ticketing.contracts.ErrorCode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

@RestController
@Tag(name = "Events (admin)", description = "An organizer creates, changes, publishes and cancels events (role admin)")
class EventAdminController {

    private final EventAdminService service;
    private final Clock clock;

    EventAdminController(EventAdminService service, Clock clock) {
        this.service = service;
        this.clock = clock;
    }

    @PostMapping("/api/v1/admin/events")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "createEvent", summary = "Create an event",
            description = "Creates an event at a venue with one price tier per section of the venue, and its ticket "
                    + "inventory (one ticket per seat), ready to sell from `on_sale_at`. `\"publish\": false` creates a "
                    + "DRAFT: fans get 404 for it and cannot search, join or buy until "
                    + "`POST /api/v1/admin/events/{event_id}/publish`. `refund_deadline` defaults to `starts_at` and "
                    + "must not be after it. Refused with 400 VALIDATION_FAILED (`errors` names each member) when a "
                    + "member is missing or invalid, `on_sale_at` is not before `starts_at`, `refund_deadline` is after "
                    + "`starts_at`, or the price tiers do not name each section of the venue exactly once. The "
                    + "waiting-room settings can be written as soon as this answers.\n\n"
                    + "Not idempotent: each call creates another event, so do not retry blindly after a timeout (look "
                    + "the event up first).")
    @ApiResponse(responseCode = "201", description = "created: the new event's id")
    @ProblemAnswer(status = 400, codes = ErrorCode.VENUE_NOT_FOUND, when = "venue_id names no venue")
    EventCreated create(@Valid @RequestBody CreateEventRequest request) {
        return new EventCreated(service.create(request));
    }

    @PatchMapping("/api/v1/admin/events/{event_id}")
    @Operation(operationId = "updateEvent", summary = "Change an event",
            description = "Changes any member given (absent ones stay); `price_tiers`, when given, replaces every tier. "
                    + "The venue cannot change. A change of `on_sale_at`, `starts_at`, `refund_deadline` or the prices "
                    + "reaches booking at once; the search index follows through CDC within seconds. A price change "
                    + "applies to holds taken after it. Answers the event's version and lifecycle status at this "
                    + "moment. Refused with 400 VALIDATION_FAILED when no member is given, a member is invalid, the "
                    + "times end up out of order (`on_sale_at` not before `starts_at`, `refund_deadline` after "
                    + "`starts_at`) or the price tiers do not match the venue's sections.\n\n"
                    + "Idempotent in effect: sending the same change again leaves the event as it is (the version may "
                    + "still grow), so a retry is safe.")
    @ApiResponse(responseCode = "200", description = "changed: the event's new version and its status now")
    @ProblemAnswer(status = 404, codes = ErrorCode.EVENT_NOT_FOUND, when = "no such event")
    @ProblemAnswer(status = 409, codes = ErrorCode.CONFLICT, when = "the event is cancelled, or the change names "
            + "another venue (cancel the event and create a new one there)")
    EventUpdated update(@Parameter(description = "the event", example = "42") @PathVariable("event_id") long eventId,
            @Valid @RequestBody UpdateEventRequest request) {
        EventSnapshot changed = service.update(eventId, request);
        return new EventUpdated(changed.id(), changed.version(), changed.statusAt(clock.instant()));
    }

    @PostMapping("/api/v1/admin/events/{event_id}/publish")
    @Operation(operationId = "publishEvent", summary = "Publish a DRAFT event",
            description = "A DRAFT becomes visible, searchable, joinable and sellable. Answers the lifecycle status "
                    + "now (SCHEDULED, ON_SALE, SOLD_OUT or CLOSED). Idempotent: publishing a published event changes "
                    + "nothing and answers the same, so a retry is safe.")
    @ApiResponse(responseCode = "200", description = "published: the event's status now")
    @ProblemAnswer(status = 404, codes = ErrorCode.EVENT_NOT_FOUND, when = "no such event")
    @ProblemAnswer(status = 409, codes = ErrorCode.EVENT_CANCELLED, when = "the event is cancelled (that is final)")
    EventPublished publish(@Parameter(description = "the event", example = "42") @PathVariable("event_id") long eventId) {
        EventSnapshot published = service.publish(eventId);
        return new EventPublished(published.id(), published.statusAt(clock.instant()));
    }

    @DeleteMapping("/api/v1/admin/events/{event_id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(operationId = "cancelEvent", summary = "Cancel an event",
            description = "Cancels the event for good: it leaves search, its waiting room closes (queued fans see "
                    + "`CLOSED` with reason `EVENT_CANCELLED`), every hold ends `CANCELLED` and every paid booking is "
                    + "refunded exactly once; reservations and payments answer 409 `EVENT_CANCELLED` from then on. "
                    + "Idempotent: cancelling a cancelled event answers 204 again, so a retry is safe.")
    @ApiResponse(responseCode = "204", description = "cancelled (or it already was)", content = @Content)
    @ProblemAnswer(status = 404, codes = ErrorCode.EVENT_NOT_FOUND, when = "no such event")
    void cancel(@Parameter(description = "the event", example = "42") @PathVariable("event_id") long eventId) {
        service.cancel(eventId);
    }
}
