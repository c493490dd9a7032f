package io.surge.ticketing.catalog.event;

import org.springframework.http.HttpStatus;

import io.surge.ticketing.contracts.ErrorCode;
import io.surge.ticketing.platform.web.DomainException;

public class EventNotFoundException extends DomainException {

    public EventNotFoundException(long eventId) {
        super(HttpStatus.NOT_FOUND, ErrorCode.EVENT_NOT_FOUND, "no event " + eventId);
    }
}
