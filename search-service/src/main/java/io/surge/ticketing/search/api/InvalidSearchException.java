package io.surge.ticketing.search.api;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;

import io.surge.ticketing.contracts.ErrorCode;
import io.surge.ticketing.platform.web.DomainException;

class InvalidSearchException extends DomainException {

    InvalidSearchException(String field, String message) {
        super(HttpStatus.BAD_REQUEST, ErrorCode.VALIDATION_FAILED, "search parameters are invalid",
                Map.of("errors", List.of(Map.of("field", field, "message", message))));
    }
}
