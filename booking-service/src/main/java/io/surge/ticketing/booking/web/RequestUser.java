package io.surge.ticketing.booking.web;

import org.springframework.http.HttpStatus;

import io.surge.ticketing.contracts.ErrorCode;
import io.surge.ticketing.platform.web.DomainException;

/** The caller's identity, as the gateway set it from the verified JWT. */
public final class RequestUser {

    private RequestUser() {
    }

    public static String require(String userIdHeader) {
        if (userIdHeader == null || userIdHeader.isBlank() || userIdHeader.length() > 128) {
            throw new DomainException(HttpStatus.UNAUTHORIZED, ErrorCode.UNAUTHORIZED, "authentication is required");
        }
        return userIdHeader;
    }
}
