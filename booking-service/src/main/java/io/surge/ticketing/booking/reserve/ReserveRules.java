package io.surge.ticketing.booking.reserve;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.http.HttpStatus;

import io.surge.ticketing.booking.inventory.EventFacts;
import io.surge.ticketing.contracts.ErrorCode;
import io.surge.ticketing.contracts.messages.TicketIds;
import io.surge.ticketing.platform.web.DomainException;

/**
 * What a reservation request must be before anything is buffered, given the event as booking knows it: pure
 * rules (no I/O), each refusal a {@link DomainException} with its stable code.
 */
final class ReserveRules {

    private ReserveRules() {
    }

    static void validate(ReserveRequest request, EventFacts event, Instant now) {
        ErrorCode refusal = event.refusal(now);
        if (refusal != null) {
            throw switch (refusal) {
                case EVENT_NOT_FOUND -> notFound(event.eventId()); // a DRAFT does not exist for fans
                case EVENT_CANCELLED -> new DomainException(HttpStatus.CONFLICT, ErrorCode.EVENT_CANCELLED,
                        "event " + event.eventId() + " is cancelled");
                case SALE_CLOSED -> new DomainException(HttpStatus.CONFLICT, ErrorCode.SALE_CLOSED,
                        "the sale of event " + event.eventId() + " closed when the show started",
                        Map.of("starts_at", event.startsAt().toString()));
                default -> new DomainException(HttpStatus.CONFLICT, ErrorCode.EVENT_NOT_ON_SALE,
                        "the sale of event " + event.eventId() + " has not started",
                        Map.of("on_sale_at", event.onSaleAt().toString()));
            };
        }
        if (request.sectionId() != null && !event.hasSection(request.sectionId())) {
            throw new DomainException(HttpStatus.BAD_REQUEST, ErrorCode.VALIDATION_FAILED,
                    "section_id " + request.sectionId() + " is not a section of event " + event.eventId(),
                    Map.of("errors", List.of(Map.of("field", "section_id", "message", "not a section of this event"))));
        }
        if (request.ticketIds() != null) {
            var foreign = request.ticketIds().stream()
                    .filter(id -> TicketIds.eventOf(id) != event.eventId() || TicketIds.seatIndexOf(id) >= event.seatCount())
                    .toList();
            if (!foreign.isEmpty()) {
                throw new DomainException(HttpStatus.BAD_REQUEST, ErrorCode.VALIDATION_FAILED,
                        "ticket_ids are not seats of event " + event.eventId(), Map.of("invalid_ticket_ids", foreign));
            }
        }
        if (request.seatsWanted() > event.maxTicketsPerUser()) {
            throw new DomainException(HttpStatus.CONFLICT, ErrorCode.TICKET_LIMIT_EXCEEDED,
                    "at most " + event.maxTicketsPerUser() + " tickets per fan for this event",
                    Map.of("max_tickets_per_user", event.maxTicketsPerUser()));
        }
    }

    /**
     * A client that retries with the same {@code Idempotency-Key} gets the same booking id, so a retry after a
     * lost answer cannot reserve twice: the decider decides a booking id once.
     */
    static UUID bookingId(String userId, String idempotencyKey) {
        if (idempotencyKey == null) {
            return UUID.randomUUID();
        }
        if (idempotencyKey.isBlank() || idempotencyKey.length() > 128) {
            throw new DomainException(HttpStatus.BAD_REQUEST, ErrorCode.VALIDATION_FAILED,
                    "Idempotency-Key must be 1 to 128 characters");
        }
        return UUID.nameUUIDFromBytes(("reserve|" + userId + "|" + idempotencyKey).getBytes(StandardCharsets.UTF_8));
    }

    static DomainException notFound(long eventId) {
        return new DomainException(HttpStatus.NOT_FOUND, ErrorCode.EVENT_NOT_FOUND, "event " + eventId + " is not on sale here");
    }
}
