package io.surge.ticketing.platform.web;

import java.util.Map;

import org.springframework.http.HttpStatus;

import io.surge.ticketing.contracts.ErrorCode;

/**
 * A refusal the client can act on: it carries the HTTP status, the stable code and extra problem members.
 * Services throw subclasses named after the rule that refused.
 */
public class DomainException extends RuntimeException {

    private final HttpStatus status;
    private final ErrorCode code;
    private final Map<String, Object> properties;

    public DomainException(HttpStatus status, ErrorCode code, String message) {
        this(status, code, message, Map.of());
    }

    public DomainException(HttpStatus status, ErrorCode code, String message, Map<String, Object> properties) {
        super(message);
        this.status = status;
        this.code = code;
        this.properties = Map.copyOf(properties);
    }

    public HttpStatus status() {
        return status;
    }

    public ErrorCode code() {
        return code;
    }

    public Map<String, Object> properties() {
        return properties;
    }
}
