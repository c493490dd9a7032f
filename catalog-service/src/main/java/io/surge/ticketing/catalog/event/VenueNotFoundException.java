package io.surge.ticketing.catalog.event;

import java.util.Map;

import org.springframework.http.HttpStatus;

import io.surge.ticketing.contracts.ErrorCode;
import io.surge.ticketing.platform.web.DomainException;

/** 400, not 404: the route exists, the request names a venue that does not. */
class VenueNotFoundException extends DomainException {

    VenueNotFoundException(long venueId) {
        super(HttpStatus.BAD_REQUEST, ErrorCode.VENUE_NOT_FOUND, "no venue " + venueId, Map.of("venue_id", venueId));
    }
}
