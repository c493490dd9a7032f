package io.surge.ticketing.waitingroom.queue;

import org.springframework.http.HttpStatus;

import io.surge.ticketing.contracts.ErrorCode;
import io.surge.ticketing.platform.web.DomainException;

/** The waiting room's refusals, each with its stable code. */
final class QueueRefusals {

    private QueueRefusals() {
    }

    static DomainException eventNotFound(long eventId) {
        return new DomainException(HttpStatus.NOT_FOUND, ErrorCode.EVENT_NOT_FOUND,
                "the waiting room does not know event " + eventId);
    }

    /** Redis lost the waiting room's data and its settings are being restored: retry in a moment. */
    static DomainException recovering(long eventId) {
        return new DomainException(HttpStatus.SERVICE_UNAVAILABLE, ErrorCode.SERVICE_UNAVAILABLE,
                "the waiting room of event " + eventId + " is being restored; retry in a moment",
                java.util.Map.of(io.surge.ticketing.platform.web.PlatformProblemHandler.RETRY_AFTER_PROPERTY, 2));
    }

    static DomainException cancelled(long eventId) {
        return new DomainException(HttpStatus.CONFLICT, ErrorCode.EVENT_CANCELLED,
                "event " + eventId + " was cancelled: its waiting room is closed");
    }

    static DomainException saleClosed(long eventId) {
        return new DomainException(HttpStatus.CONFLICT, ErrorCode.SALE_CLOSED,
                "the sale of event " + eventId + " has closed (the show has started)");
    }

    static DomainException notOpen(long eventId) {
        return new DomainException(HttpStatus.CONFLICT, ErrorCode.WAITING_ROOM_NOT_OPEN,
                "the waiting room of event " + eventId + " is not open yet");
    }

    static DomainException notInQueue(long eventId) {
        return new DomainException(HttpStatus.NOT_FOUND, ErrorCode.NOT_IN_QUEUE,
                "you are not in the waiting room of event " + eventId + "; join it");
    }

    static DomainException invalidPresaleCode(long eventId) {
        return new DomainException(HttpStatus.UNPROCESSABLE_CONTENT, ErrorCode.INVALID_PRESALE_CODE,
                "this is not a presale code of event " + eventId);
    }

    static DomainException presaleCodeExhausted(long eventId) {
        return new DomainException(HttpStatus.CONFLICT, ErrorCode.PRESALE_CODE_EXHAUSTED,
                "this presale code of event " + eventId + " has been used as many times as it may be");
    }
}
