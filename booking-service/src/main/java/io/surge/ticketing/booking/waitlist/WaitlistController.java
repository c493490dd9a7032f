package io.surge.ticketing.booking.waitlist;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.springframework.dao.DataAccessException;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import io.surge.ticketing.apidocs.ProblemAnswer;
import io.surge.ticketing.booking.admission.AdmissionCheck;
import io.surge.ticketing.booking.inventory.EventFacts;
import io.surge.ticketing.booking.inventory.EventInventoryRepository;
import io.surge.ticketing.contracts.ErrorCode;
import io.surge.ticketing.contracts.web.Headers;
import io.surge.ticketing.platform.web.DomainException;
import io.surge.ticketing.platform.web.GatewayUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

/** A fan joins a sold-out event's waiting list and follows its place and offer. */
@RestController
@Tag(name = "Waiting lists", description = "A sold-out event's waiting list: seats that come back are offered to "
        + "the fans on it first, in order")
class WaitlistController {

    private final WaitlistRepository waitlist;
    private final EventInventoryRepository events;
    private final AdmissionCheck admission;
    private final Clock clock;

    WaitlistController(WaitlistRepository waitlist, EventInventoryRepository events, AdmissionCheck admission,
            Clock clock) {
        this.waitlist = waitlist;
        this.events = events;
        this.admission = admission;
        this.clock = clock;
    }

    @Operation(operationId = "joinWaitlist", summary = "Join a sold-out event's waiting list",
            description = "While every seat of the event is held or sold, a fan takes a place on its waiting list for "
                    + "`quantity` seats together, in one section or (without `section_id`) any. Seats that come back "
                    + "(holds that expire or are cancelled, refunds) are offered to the list first, in the order of "
                    + "joining: each to the earliest fan it can serve, as a hold in the fan's name (see "
                    + "`GET .../waitlist/me`). An offer not paid in time goes to the next fan.\n\n"
                    + "One entry per fan and event: joining again answers the same entry (200), so a retry is safe.")
    @ApiResponse(responseCode = "201", description = "the fan's new entry, WAITING with its position")
    @ApiResponse(responseCode = "200", description = "the fan's entry, which existed already")
    @ProblemAnswer(status = 400, codes = ErrorCode.VALIDATION_FAILED, when = "a quantity over the event's per-fan "
            + "ticket limit, or a section the event does not have")
    @ProblemAnswer(status = 404, codes = ErrorCode.EVENT_NOT_FOUND, when = "no such event, or a DRAFT")
    @ProblemAnswer(status = 409, codes = ErrorCode.EVENT_NOT_SOLD_OUT, when = "seats of the event are on sale: buy "
            + "them through the waiting room")
    @ProblemAnswer(status = 409, codes = ErrorCode.EVENT_CANCELLED, when = "the event is cancelled")
    @ProblemAnswer(status = 409, codes = ErrorCode.SALE_CLOSED, when = "the show has started")
    @PostMapping("/api/v1/events/{event_id}/waitlist")
    ResponseEntity<WaitlistView> join(@RequestHeader(name = Headers.USER_ID, required = false) String userHeader,
            @Parameter(description = "the event", example = "42") @PathVariable("event_id") long eventId,
            @Valid @RequestBody WaitlistRequest request) {
        String userId = GatewayUser.require(userHeader);
        EventFacts event = events.find(eventId).filter(EventFacts::published)
                .orElseThrow(() -> new DomainException(HttpStatus.NOT_FOUND, ErrorCode.EVENT_NOT_FOUND,
                        "there is no event " + eventId));
        var existing = waitlist.find(eventId, userId);
        if (existing.isPresent()) {
            return answer(HttpStatus.OK, existing.get(), event);
        }
        Instant now = clock.instant();
        if (event.cancelled()) {
            throw new DomainException(HttpStatus.CONFLICT, ErrorCode.EVENT_CANCELLED, "event " + eventId + " is cancelled");
        }
        if (event.closed(now)) {
            throw new DomainException(HttpStatus.CONFLICT, ErrorCode.SALE_CLOSED,
                    "the sale of event " + eventId + " closed when the show started");
        }
        if (request.quantity() > event.maxTicketsPerUser()) {
            throw invalid("quantity", "must be at most the event's limit of " + event.maxTicketsPerUser()
                    + " tickets per fan");
        }
        if (request.sectionId() != null && !waitlist.sectionExists(eventId, request.sectionId())) {
            throw invalid("section_id", "event " + eventId + " has no section " + request.sectionId());
        }
        if (!event.onSale(now) || waitlist.availableSeats(eventId) > 0) {
            throw new DomainException(HttpStatus.CONFLICT, ErrorCode.EVENT_NOT_SOLD_OUT,
                    "event " + eventId + " has seats on sale: buy them through its waiting room");
        }
        try {
            waitlist.insert(eventId, userId, request.sectionId(), request.quantity());
        } catch (DataAccessException raced) {
            // a concurrent join of the same fan: its entry is the one
        }
        return answer(HttpStatus.CREATED, waitlist.find(eventId, userId).orElseThrow(), event);
    }

    @Operation(operationId = "getMyWaitlistEntry", summary = "Read the caller's place on an event's waiting list",
            description = "WAITING with `position` (1: the next fan to be offered seats), OFFERED with `offer` (a "
                    + "RESERVED booking in the fan's name: pay it with `POST /api/v1/bookings/{booking_id}/payment` "
                    + "and `offer.admission_token` as `X-Admission-Token` before `offer.expires_at`), EXPIRED (the "
                    + "offer was not paid in time), FULFILLED (paid) or CLOSED (the event was cancelled or its show "
                    + "started). Not cached; poll every few seconds.")
    @ApiResponse(responseCode = "200", description = "the caller's entry")
    @ProblemAnswer(status = 404, codes = ErrorCode.NOT_FOUND, when = "the caller is not on the event's waiting list")
    @GetMapping("/api/v1/events/{event_id}/waitlist/me")
    ResponseEntity<WaitlistView> me(@RequestHeader(name = Headers.USER_ID, required = false) String userHeader,
            @Parameter(description = "the event", example = "42") @PathVariable("event_id") long eventId) {
        String userId = GatewayUser.require(userHeader);
        WaitlistRepository.Entry entry = waitlist.find(eventId, userId)
                .orElseThrow(() -> new DomainException(HttpStatus.NOT_FOUND, ErrorCode.NOT_FOUND,
                        "you are not on the waiting list of event " + eventId));
        return answer(HttpStatus.OK, entry, events.find(eventId).orElse(null));
    }

    private ResponseEntity<WaitlistView> answer(HttpStatus status, WaitlistRepository.Entry entry, EventFacts event) {
        return ResponseEntity.status(status).cacheControl(CacheControl.noStore()).body(view(entry, event));
    }

    private WaitlistView view(WaitlistRepository.Entry entry, EventFacts event) {
        Instant now = clock.instant();
        boolean closed = event == null || event.cancelled() || event.closed(now);
        if (!entry.offered()) {
            return new WaitlistView(closed ? "CLOSED" : "WAITING",
                    closed ? null : waitlist.waitingAhead(entry.eventId(), entry.entryId()) + 1, entry.eventId(),
                    entry.sectionId(), entry.quantity(), entry.createdAt(), null);
        }
        String status = switch (entry.bookingStatus()) {
            case "CONFIRMED", "REFUNDED" -> "FULFILLED";
            // the list closed (cancelled, or the show started) before the offer was paid
            case "RESERVED", "CANCELLED", "EXPIRED" -> closed ? "CLOSED"
                    : "RESERVED".equals(entry.bookingStatus()) && entry.expiresAt() != null
                            && entry.expiresAt().isAfter(now) ? "OFFERED" : "EXPIRED";
            default -> "EXPIRED";
        };
        String token = "OFFERED".equals(status) ? admission.issueForOffer(entry.userId(), entry.eventId(), now,
                entry.expiresAt(), entry.bookingId()) : null;
        return new WaitlistView(status, null, entry.eventId(), entry.sectionId(), entry.quantity(), entry.createdAt(),
                new WaitlistView.Offer(entry.bookingId(), entry.ticketIds(), entry.expiresAt(), token));
    }

    private static DomainException invalid(String field, String message) {
        return new DomainException(HttpStatus.BAD_REQUEST, ErrorCode.VALIDATION_FAILED, "request body is invalid",
                Map.of("errors", List.of(Map.of("field", field, "message", message))));
    }
}
