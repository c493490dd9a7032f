package io.surge.ticketing.contracts.web;

/** Header names the gateway and the services agree on. */
public final class Headers {

    /**
     * The verified JWT subject. The gateway always overwrites it (a client cannot spoof it);
     * services trust it because only the gateway can reach them.
     */
    public static final String USER_ID = "X-User-Id";

    /** Comma-separated roles of the verified JWT, overwritten by the gateway like {@link #USER_ID}. */
    public static final String USER_ROLES = "X-User-Roles";

    /** The waiting room's admission token, required on booking write routes. */
    public static final String ADMISSION_TOKEN = "X-Admission-Token";

    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private Headers() {
    }
}
