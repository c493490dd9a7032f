package io.surge.ticketing.catalog.event;

import org.springframework.http.HttpStatus;

import io.surge.ticketing.contracts.ErrorCode;
import io.surge.ticketing.platform.web.DomainException;

/** The request is valid but contradicts the event's state (cancelled, or an immutable field). */
class EventConflictException extends DomainException {

    EventConflictException(String message) {
        super(HttpStatus.CONFLICT, ErrorCode.CONFLICT, message);
    }
}
