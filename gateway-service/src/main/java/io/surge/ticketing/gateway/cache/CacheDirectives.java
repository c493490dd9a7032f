package io.surge.ticketing.gateway.cache;

import java.util.Locale;

/**
 * The parts of a response's {@code Cache-Control} that decide whether a shared cache may keep it, and for how long
 * (RFC 9111: {@code s-maxage} wins over {@code max-age} for a shared cache; {@code private}, {@code no-store} and
 * {@code no-cache} keep it out).
 */
record CacheDirectives(boolean isPublic, boolean isPrivate, boolean noStore, boolean noCache, long maxAgeSeconds) {

    static CacheDirectives parse(String cacheControl) {
        if (cacheControl == null || cacheControl.isBlank()) {
            return new CacheDirectives(false, false, false, false, -1);
        }
        boolean isPublic = false;
        boolean isPrivate = false;
        boolean noStore = false;
        boolean noCache = false;
        long maxAge = -1;
        long sharedMaxAge = -1;
        for (String part : cacheControl.split(",")) {
            String directive = part.trim().toLowerCase(Locale.ROOT);
            int eq = directive.indexOf('=');
            String name = eq < 0 ? directive : directive.substring(0, eq).trim();
            String value = eq < 0 ? null : directive.substring(eq + 1).trim().replace("\"", "");
            switch (name) {
                case "public" -> isPublic = true;
                case "private" -> isPrivate = true;
                case "no-store" -> noStore = true;
                case "no-cache" -> noCache = true;
                case "max-age" -> maxAge = seconds(value);
                case "s-maxage" -> sharedMaxAge = seconds(value);
                default -> { }
            }
        }
        return new CacheDirectives(isPublic, isPrivate, noStore, noCache, sharedMaxAge >= 0 ? sharedMaxAge : maxAge);
    }

    /** Whether a shared cache may keep the answer: explicitly public, fresh for a while, and nothing against it. */
    boolean sharedCacheable() {
        return isPublic && !isPrivate && !noStore && !noCache && maxAgeSeconds > 0;
    }

    private static long seconds(String value) {
        if (value == null) {
            return -1;
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
