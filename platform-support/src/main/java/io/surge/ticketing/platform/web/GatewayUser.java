package io.surge.ticketing.platform.web;

import org.springframework.http.HttpStatus;

import io.surge.ticketing.contracts.ErrorCode;
import io.surge.ticketing.contracts.web.UserRoles;

/**
 * The fan or admin a request is for: the {@code X-User-Id} the gateway set from the verified JWT (the service
 * credential proves the gateway sent it). Every service reads it through here, so a missing user is refused the
 * same way everywhere.
 */
public final class GatewayUser {

    /** Longer ids are not ids the identity provider issues. */
    static final int MAX_LENGTH = 128;

    private GatewayUser() {
    }

    /** The user id; {@code 401 UNAUTHORIZED} when the request carries none (or one no provider issues). */
    public static String require(String userIdHeader) {
        if (userIdHeader == null || userIdHeader.isBlank() || userIdHeader.length() > MAX_LENGTH) {
            throw new DomainException(HttpStatus.UNAUTHORIZED, ErrorCode.UNAUTHORIZED, "authentication is required");
        }
        return userIdHeader;
    }

    /**
     * {@code 403 FORBIDDEN} unless the gateway's {@code X-User-Roles} names the admin role. The gateway checks it
     * first; a service checks again because it must not depend on being reached through one route only.
     */
    public static void requireAdmin(String rolesHeader) {
        if (!UserRoles.isAdmin(rolesHeader)) {
            throw new DomainException(HttpStatus.FORBIDDEN, ErrorCode.FORBIDDEN, "the admin role is required");
        }
    }
}
