package io.surge.ticketing.booking.reserve;

import java.util.UUID;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.async.DeferredResult;

import tools.jackson.databind.json.JsonMapper;

import io.surge.ticketing.apidocs.ProblemAnswer;
import io.surge.ticketing.booking.bookings.BookingStatus;
import io.surge.ticketing.booking.bookings.BookingView;
import io.surge.ticketing.booking.decide.Decision;
import io.surge.ticketing.contracts.ErrorCode;
import io.surge.ticketing.contracts.web.Headers;
import io.surge.ticketing.platform.web.DomainException;
import io.surge.ticketing.platform.web.GatewayUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.Validator;

@RestController
@Tag(name = "Reservations", description = "Holding seats for a fan admitted by the waiting room")
class ReserveController {

    private final ReserveUseCase buffer;

    ReserveController(ReserveUseCase buffer) {
        this.buffer = buffer;
    }

    /** The servlet-level fast path in front of this controller (see {@link ReserveFastPath}). */
    @Bean
    @ConditionalOnBooleanProperty(name = "ticketing.booking.reserve.fast-path", matchIfMissing = true)
    static FilterRegistrationBean<ReserveFastPath> reserveFastPath(ReserveUseCase buffer, JsonMapper json,
            Validator validator) {
        FilterRegistrationBean<ReserveFastPath> registration =
                new FilterRegistrationBean<>(new ReserveFastPath(buffer, json, validator));
        registration.addUrlPatterns(ReserveFastPath.PATH);
        // right after the observation filter (HIGHEST_PRECEDENCE + 1): timed and traced, but no MVC dispatch
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
        return registration;
    }

    @Operation(operationId = "reserveSeats", summary = "Reserve chosen seats or the best available seats of a section",
            description = "Give either `ticket_ids` (chosen seats, from the seat map) or `section_id` with `quantity` "
                    + "(best available), never both. All the seats or none: a hold is taken for every seat asked, or "
                    + "the request is refused. The hold lasts the event's `hold_seconds` (`expires_at`); pay it with "
                    + "`POST /api/v1/bookings/{booking_id}/payment` before then. Most requests are decided at once "
                    + "(201); under a surge the request is buffered and answered 202 with a `Location` to poll "
                    + "(`GET /api/v1/bookings/{booking_id}` says PENDING, then RESERVED or REJECTED). Send the same "
                    + "`Idempotency-Key` when retrying after a lost answer.")
    @ApiResponse(responseCode = "201", description = "the hold is taken: status RESERVED, the seats and when the hold expires",
            headers = @Header(name = "Location", description = "the booking", schema = @Schema(type = "string")),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = BookingView.class)))
    @ApiResponse(responseCode = "202", description = "buffered, not decided yet: status PENDING; poll the Location after Retry-After",
            headers = {@Header(name = "Location", description = "the booking to poll", schema = @Schema(type = "string")),
                    @Header(name = "Retry-After", description = "seconds before the first poll", schema = @Schema(type = "integer"))},
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = BookingView.class)))
    @ProblemAnswer(status = 409, codes = ErrorCode.SEATS_UNAVAILABLE, when = "a seat asked for is held or sold "
            + "(`unavailable_ticket_ids` names them), or the section has too few seats left (`sold_out`: true, no booking_id)")
    @ProblemAnswer(status = 409, codes = ErrorCode.TICKET_LIMIT_EXCEEDED, when = "the fan's live holds and tickets "
            + "plus these would pass the event's `max_tickets_per_user`")
    @ProblemAnswer(status = 409, codes = ErrorCode.EVENT_NOT_ON_SALE, when = "before the event's `on_sale_at`")
    @ProblemAnswer(status = 409, codes = ErrorCode.SALE_CLOSED, when = "from the show's `starts_at`")
    @ProblemAnswer(status = 409, codes = ErrorCode.EVENT_CANCELLED, when = "the event is cancelled")
    @ProblemAnswer(status = 404, codes = ErrorCode.EVENT_NOT_FOUND, when = "no such event, or a DRAFT not published yet")
    @ProblemAnswer(status = 503, codes = ErrorCode.OVERLOADED, when = "the decision buffer is too deep: retry after `Retry-After` seconds")
    @PostMapping("/api/v1/bookings/reserve")
    DeferredResult<ResponseEntity<Object>> reserve(
            @RequestHeader(name = Headers.USER_ID, required = false) String userId,
            @RequestHeader(name = Headers.ADMISSION_TOKEN, required = false) String admissionToken,
            @Parameter(description = "Optional: the same key on a retry of the same request returns the first "
                    + "request's booking instead of holding seats twice", example = "5f0c6a1e-9d4b-4c1a-8f3e-2b7d9a6c4e10")
            @RequestHeader(name = Headers.IDEMPOTENCY_KEY, required = false) String idempotencyKey,
            @Valid @RequestBody ReserveRequest request) {
        DeferredResult<ResponseEntity<Object>> result = new DeferredResult<>(ReserveUseCase.ASYNC_TIMEOUT_MS);
        UUID bookingId = buffer.submit(GatewayUser.require(userId), admissionToken, idempotencyKey, request,
                new ReservationReply() {
                    @Override
                    public void decided(Decision decision) {
                        if (decision.status() == BookingStatus.REJECTED) {
                            result.setErrorResult(ReserveAnswers.rejection(decision));
                        } else {
                            result.setResult(ReserveAnswers.created(decision));
                        }
                    }

                    @Override
                    public void pending(UUID id, long eventId) {
                        result.setResult(ReserveAnswers.accepted(id, eventId));
                    }

                    @Override
                    public void failed(DomainException refusal) {
                        result.setErrorResult(refusal);
                    }
                });
        result.onTimeout(() -> {
            buffer.abandon(bookingId);
            result.setResult(ReserveAnswers.accepted(bookingId, request.eventId()));
        });
        return result;
    }
}
