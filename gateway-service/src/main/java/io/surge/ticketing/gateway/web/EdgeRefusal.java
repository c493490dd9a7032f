package io.surge.ticketing.gateway.web;

import org.springframework.http.HttpStatus;

import io.surge.ticketing.contracts.ErrorCode;

/**
 * A refusal decided at the edge, raised where it is easier to signal than to write a response
 * (inside a body stream, for instance); the global error handler turns it into problem+json.
 */
public class EdgeRefusal extends RuntimeException {

    private final HttpStatus status;
    private final ErrorCode code;

    public EdgeRefusal(HttpStatus status, ErrorCode code, String message) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
    }

    public HttpStatus status() {
        return status;
    }

    public ErrorCode code() {
        return code;
    }
}
