package io.surge.ticketing.waitingroom.queue;

import java.time.Duration;

import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.surge.ticketing.contracts.web.Headers;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The fan's side of the waiting room. The user is the gateway-verified {@code X-User-Id}. */
@RestController
@RequestMapping("/api/v1/waiting-room/{eventId}")
@Tag(name = "waiting room")
class QueueController {

    private static final CacheControl PUBLIC_FOR_A_SECOND = CacheControl.maxAge(Duration.ofSeconds(1)).cachePublic();

    private final WaitingRoom waitingRoom;
    private final QueueProgress progress;

    QueueController(WaitingRoom waitingRoom, QueueProgress progress) {
        this.waitingRoom = waitingRoom;
        this.progress = progress;
    }

    @Operation(summary = "The queue's public progress, the same for every fan (no token needed; cacheable for a second)",
            description = "A page polls this, not status: the fan is admitted once serving reaches its queue_number, "
                    + "and then calls status once to collect the admission token. status: PRE_QUEUE before the sale "
                    + "starts, OPEN while numbers are served, SOLD_OUT while every seat is held or sold (serving stands "
                    + "still until seats come back), CLOSED once the event is cancelled or the show has started.")
    @ApiResponse(responseCode = "200", description = "{\"event_id\",\"status\",\"serving\",\"admission_rate_per_minute\",\"as_of\"}")
    @ApiResponse(responseCode = "404", description = "EVENT_NOT_FOUND (a DRAFT event too)", content = @Content)
    @GetMapping("/progress")
    ResponseEntity<QueueProgress.ProgressView> progress(@PathVariable long eventId) {
        return ResponseEntity.ok().cacheControl(PUBLIC_FOR_A_SECOND).body(progress.of(eventId));
    }

    @Operation(summary = "Join the waiting room of an event (joining again returns the same entry)",
            description = "While the event is sold out the fan still takes a place (in case seats come back) and is "
                    + "answered status SOLD_OUT with its position.")
    @ApiResponse(responseCode = "200", description = "status PRE_QUEUE, QUEUED, ADMITTED or SOLD_OUT")
    @ApiResponse(responseCode = "404", description = "EVENT_NOT_FOUND: no such event, or a DRAFT", content = @Content)
    @ApiResponse(responseCode = "409", description = "WAITING_ROOM_NOT_OPEN before prequeue_opens_at; EVENT_CANCELLED; "
            + "SALE_CLOSED once the show has started", content = @Content)
    @ApiResponse(responseCode = "503", description = "SERVICE_UNAVAILABLE: the line is being restored, or the catalog "
            + "cannot tell about an event created a moment ago (Retry-After)", content = @Content)
    @PostMapping("/join")
    ResponseEntity<QueueView> join(@PathVariable long eventId,
            @Parameter(hidden = true) @RequestHeader(name = Headers.USER_ID, required = false) String userId) {
        return respond(waitingRoom.join(eventId, requireUser(userId)));
    }

    @Operation(summary = "Where the user stands; carries the admission token once admitted",
            description = "SOLD_OUT: admission is paused while every seat is held or sold, the place is kept. CLOSED "
                    + "with reason EVENT_CANCELLED or SALE_CLOSED: the line closed for good, no token is issued.")
    @ApiResponse(responseCode = "200", description = "status PRE_QUEUE, QUEUED, ADMITTED (with admission_token), "
            + "SOLD_OUT or CLOSED (with reason)")
    @ApiResponse(responseCode = "404", description = "NOT_IN_QUEUE: not joined, or the admitted session ended; "
            + "EVENT_NOT_FOUND: no such event, or a DRAFT", content = @Content)
    @GetMapping("/status")
    ResponseEntity<QueueView> status(@PathVariable long eventId,
            @Parameter(hidden = true) @RequestHeader(name = Headers.USER_ID, required = false) String userId) {
        return respond(waitingRoom.status(eventId, requireUser(userId)));
    }

    private static String requireUser(String userId) {
        if (userId == null || userId.isBlank()) {
            throw QueueRefusals.noUser();
        }
        return userId;
    }

    private static ResponseEntity<QueueView> respond(QueueView view) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(view);
    }
}
