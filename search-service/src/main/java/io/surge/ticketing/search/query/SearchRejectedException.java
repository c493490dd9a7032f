package io.surge.ticketing.search.query;

import org.springframework.http.HttpStatus;

import io.surge.ticketing.contracts.ErrorCode;
import io.surge.ticketing.platform.web.DomainException;

/**
 * Elasticsearch refused the search itself (a 4xx answer, such as a date it cannot parse): the client's input, not
 * an outage, so a 400 and never a failure of the circuit breaker (which ignores this exception).
 */
public class SearchRejectedException extends DomainException {

    public SearchRejectedException() {
        super(HttpStatus.BAD_REQUEST, ErrorCode.VALIDATION_FAILED, "search parameters are invalid");
    }
}
