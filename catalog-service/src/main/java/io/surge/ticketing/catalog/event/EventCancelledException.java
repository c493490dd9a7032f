package io.surge.ticketing.catalog.event;

import org.springframework.http.HttpStatus;

import io.surge.ticketing.contracts.ErrorCode;
import io.surge.ticketing.platform.web.DomainException;

/** A cancelled event cannot be published (cancellation is final). */
class EventCancelledException extends DomainException {

    EventCancelledException(long eventId) {
        super(HttpStatus.CONFLICT, ErrorCode.EVENT_CANCELLED, "event " + eventId + " is cancelled");
    }
}
