package io.surge.ticketing.waitingroom.queue;

import java.time.Duration;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.surge.ticketing.apidocs.ProblemAnswer;
import io.surge.ticketing.contracts.ErrorCode;
import io.surge.ticketing.contracts.web.Headers;
import io.surge.ticketing.platform.web.GatewayUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

/** The fan's side of the waiting room. The user is the gateway-verified {@code X-User-Id}. */
@RestController
@RequestMapping("/api/v1/waiting-room/{event_id}")
@Tag(name = "Waiting room", description = "The queue in front of an on-sale: join, poll, collect the admission token")
class QueueController {

    private static final CacheControl PUBLIC_FOR_A_SECOND = CacheControl.maxAge(Duration.ofSeconds(1)).cachePublic();

    private final WaitingRoom waitingRoom;
    private final QueueProgress progress;

    QueueController(WaitingRoom waitingRoom, QueueProgress progress) {
        this.waitingRoom = waitingRoom;
        this.progress = progress;
    }

    @Operation(operationId = "getQueueProgress", summary = "Read the queue's public progress",
            description = "The same answer for every fan, no token needed: the highest queue number served so far "
                    + "(`serving`) and the pace. A fan's page polls this, not `status`: once `serving` reaches the "
                    + "fan's `queue_number` (from join or status), it calls `status` once to collect the admission "
                    + "token. `status` is PRE_QUEUE before the sale starts, OPEN while numbers are served, SOLD_OUT "
                    + "while every seat is held or sold (`serving` stands still until seats come back), CLOSED once "
                    + "the event is cancelled or the show has started.\n\n"
                    + "Public and cacheable for a second (`Cache-Control: public, max-age=1`): poll every few seconds. "
                    + "Safe to retry; while the waiting room is being restored after a data loss the answer is a 503 "
                    + "with `Retry-After`.")
    @ApiResponse(responseCode = "200", description = "where the queue stands",
            headers = @Header(name = HttpHeaders.CACHE_CONTROL, description = "public, for a second",
                    schema = @Schema(type = "string", example = "max-age=1, public")))
    @ProblemAnswer(status = 404, codes = ErrorCode.EVENT_NOT_FOUND, when = "no such event, or a DRAFT")
    @GetMapping("/progress")
    ResponseEntity<QueueProgress.ProgressView> progress(
            @Parameter(description = "the event", example = "42") @PathVariable("event_id") long eventId) {
        return ResponseEntity.ok().cacheControl(PUBLIC_FOR_A_SECOND).body(progress.of(eventId));
    }

    @Operation(operationId = "joinWaitingRoom", summary = "Join an event's waiting room",
            description = "Takes the fan's place in line. Before the sale starts (from the pre-queue's opening) the "
                    + "fan is PRE_QUEUE with no position: at the sale start every pre-queued fan gets a uniformly "
                    + "random place, and later arrivals queue first come, first served behind them. After the sale "
                    + "start the answer is QUEUED with a `queue_number` and `position`, or ADMITTED with the admission "
                    + "token when the fan's turn has come. While the event is sold out the fan still takes a place "
                    + "(in case seats come back) and is answered SOLD_OUT with its position.\n\n"
                    + "With a `presale_code` (body `{\"presale_code\"}`), before or during the event's presale, the "
                    + "fan joins the presale line instead: code holders only, raffled at the presale's start, admitted "
                    + "at its own pace until it ends (the answer has `line` PRESALE). The first join uses one of the "
                    + "code's uses; joining again uses nothing. Once the presale is over the code is not needed and "
                    + "the fan joins the general line. Without a code during the presale a fan joins the general "
                    + "pre-queue.\n\n"
                    + "Idempotent: one entry per fan and event, so joining again answers the same entry and keeps the "
                    + "place; a retry is safe. While the line is being restored, or the catalog cannot tell about an "
                    + "event created a moment ago, the answer is a 503 with `Retry-After`.")
    @ApiResponse(responseCode = "200", description = "the fan's entry: PRE_QUEUE, QUEUED, ADMITTED or SOLD_OUT")
    @ProblemAnswer(status = 404, codes = ErrorCode.EVENT_NOT_FOUND, when = "no such event, or a DRAFT")
    @ProblemAnswer(status = 404, codes = ErrorCode.NOT_IN_QUEUE, when = "the fan's admitted session has just ended "
            + "(its token expired): join again to queue at the back")
    @ProblemAnswer(status = 409, codes = ErrorCode.WAITING_ROOM_NOT_OPEN, when = "before the pre-queue opens "
            + "(`prequeue_opens_at` of the waiting-room settings)")
    @ProblemAnswer(status = 409, codes = ErrorCode.EVENT_CANCELLED, when = "the event is cancelled")
    @ProblemAnswer(status = 409, codes = ErrorCode.SALE_CLOSED, when = "the show has started: the sale is over")
    @ProblemAnswer(status = 422, codes = ErrorCode.INVALID_PRESALE_CODE, when = "a `presale_code` the event's "
            + "presale does not have (or the event has no presale)")
    @ProblemAnswer(status = 409, codes = ErrorCode.PRESALE_CODE_EXHAUSTED, when = "a `presale_code` whose uses are "
            + "all taken")
    @PostMapping("/join")
    ResponseEntity<QueueView> join(
            @Parameter(description = "the event", example = "42") @PathVariable("event_id") long eventId,
            @RequestHeader(name = Headers.USER_ID, required = false) String userId,
            @Valid @RequestBody(required = false) JoinRequest request) {
        String code = request == null || request.presaleCode() == null || request.presaleCode().isBlank()
                ? null : request.presaleCode();
        return respond(waitingRoom.join(eventId, GatewayUser.require(userId), code));
    }

    /** The optional body of a join. */
    @Schema(description = "Optional: a presale code, to join the presale line before the general sale")
    record JoinRequest(
            @Schema(description = "a code of the event's presale; during the presale (or before it) it queues the "
                    + "fan in the presale line, using one of the code's uses the first time; after the presale it is "
                    + "not needed", example = "7KQ2-XM4P-9VTR", maxLength = 80)
            @Size(max = 80) String presaleCode) {
    }

    @Operation(operationId = "getQueueStatus", summary = "Read the fan's place, and the admission token once admitted",
            description = "Where the fan stands: PRE_QUEUE, QUEUED (with `queue_number`, `position` and "
                    + "`eta_seconds`), ADMITTED with `admission_token` (send it as `X-Admission-Token` to reserve and "
                    + "pay; the same token on every call until the admitted session ends), SOLD_OUT (admission is "
                    + "paused while every seat is held or sold; the place is kept), or CLOSED with `reason` "
                    + "EVENT_CANCELLED or SALE_CLOSED (the line closed for good, no token is issued).\n\n"
                    + "Not cached (`Cache-Control: no-store`). Poll `progress` while waiting and call this once "
                    + "`serving` has reached the fan's `queue_number`. Safe to retry.")
    @ApiResponse(responseCode = "200", description = "the fan's entry; ADMITTED carries the admission token")
    @ProblemAnswer(status = 404, codes = ErrorCode.NOT_IN_QUEUE, when = "the fan has not joined, or its admitted "
            + "session ended: join again")
    @ProblemAnswer(status = 404, codes = ErrorCode.EVENT_NOT_FOUND, when = "no such event, or a DRAFT")
    @GetMapping("/status")
    ResponseEntity<QueueView> status(
            @Parameter(description = "the event", example = "42") @PathVariable("event_id") long eventId,
            @RequestHeader(name = Headers.USER_ID, required = false) String userId) {
        return respond(waitingRoom.status(eventId, GatewayUser.require(userId)));
    }

    private static ResponseEntity<QueueView> respond(QueueView view) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(view);
    }
}
