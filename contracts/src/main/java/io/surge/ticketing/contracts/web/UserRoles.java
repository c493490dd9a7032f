package io.surge.ticketing.contracts.web;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The one rule for roles, used by the gateway (from the JWT's {@code roles} claim) and by every service (from
 * {@link Headers#USER_ROLES}): a role is a plain lower-case name, compared exactly. A claimed role that is not such
 * a name (say {@code "ops,admin"} or {@code "ADMIN"}) is dropped, never reinterpreted.
 */
public final class UserRoles {

    public static final String ADMIN = "admin";

    /** Door staff: may check tickets in, nothing else of the admin API. */
    public static final String SCANNER = "scanner";

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_-]{0,63}");

    private UserRoles() {
    }

    public static boolean isValidName(String role) {
        return role != null && NAME.matcher(role).matches();
    }

    /** The valid roles of a JWT claim, in order. */
    public static List<String> fromClaim(List<String> claimed) {
        return claimed == null ? List.of() : claimed.stream().filter(UserRoles::isValidName).distinct().toList();
    }

    /** The header value for roles (comma-separated). */
    public static String toHeader(List<String> roles) {
        return String.join(",", roles);
    }

    /** The roles a {@link Headers#USER_ROLES} value names. */
    public static List<String> fromHeader(String header) {
        if (header == null || header.isEmpty()) {
            return List.of();
        }
        return Arrays.stream(header.split(",", -1)).filter(UserRoles::isValidName).toList();
    }

    public static boolean isAdmin(String header) {
        return fromHeader(header).contains(ADMIN);
    }

    /** Admins and door staff may check tickets in. */
    public static boolean mayCheckIn(String header) {
        List<String> roles = fromHeader(header);
        return roles.contains(ADMIN) || roles.contains(SCANNER);
    }
}
