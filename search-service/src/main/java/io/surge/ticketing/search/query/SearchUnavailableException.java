package io.surge.ticketing.search.query;

import org.springframework.http.HttpStatus;

import io.surge.ticketing.contracts.ErrorCode;
import io.surge.ticketing.platform.web.DomainException;

/** Elasticsearch is down, slow or the breaker is open: a quick, clear 503 instead of a hung request. */
public class SearchUnavailableException extends DomainException {

    public SearchUnavailableException(String detail) {
        super(HttpStatus.SERVICE_UNAVAILABLE, ErrorCode.SERVICE_UNAVAILABLE, detail);
    }
}
