package io.surge.ticketing.catalog.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;

import io.surge.ticketing.contracts.ErrorCode;
import io.surge.ticketing.platform.web.DomainException;

/** A request that is well-formed but breaks a rule Bean Validation cannot see (cross-field, venue layout). */
public class ValidationFailedException extends DomainException {

    public ValidationFailedException(String field, String message) {
        this(List.of(fieldError(field, message)));
    }

    public ValidationFailedException(List<Map<String, String>> errors) {
        super(HttpStatus.BAD_REQUEST, ErrorCode.VALIDATION_FAILED, "request is invalid", Map.of("errors", errors));
    }

    public static Map<String, String> fieldError(String field, String message) {
        Map<String, String> error = new LinkedHashMap<>();
        error.put("field", field);
        error.put("message", message);
        return error;
    }
}
