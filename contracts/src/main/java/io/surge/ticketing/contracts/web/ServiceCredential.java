package io.surge.ticketing.contracts.web;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * How one of our services proves a call comes from another of ours (the gateway, or payment calling booking): the
 * header {@value #HEADER} = {@code <caller>.<expiry, epoch seconds>.<base64url HMAC-SHA256>}, the MAC taken over the
 * caller, the expiry and the identity headers the call carries ({@link Headers#USER_ID}, {@link Headers#USER_ROLES}). The key
 * is a secret only our services hold ({@code TICKETING_SERVICE_SECRET}, at least 32 bytes).
 * <p>
 * So a pod that reaches a service's port, but holds no key, can neither call it nor set who the user is; and a
 * credential seen on the wire cannot be replayed for another user or roles, nor once expired: a call's credential
 * lives {@link #TTL}; none is accepted that claims to live longer than {@link #MAX_TTL} (a benchmark driving a
 * service directly signs its requests for a few minutes at once).
 */
public final class ServiceCredential {

    public static final String HEADER = "X-Service-Credential";
    /** How long a call's credential is good for. */
    public static final Duration TTL = Duration.ofSeconds(60);
    /** The longest life a credential may claim. */
    public static final Duration MAX_TTL = Duration.ofMinutes(10);
    /** Clock difference tolerated between two of our hosts. */
    private static final long SKEW_SECONDS = 5;

    private static final String ALGORITHM = "HmacSHA256";
    private static final Pattern CALLER = Pattern.compile("[a-z][a-z0-9-]{0,39}");
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final int MAX_LENGTH = 128;

    private final SecretKeySpec key;
    private final Clock clock;
    /** One initialised Mac per thread: every request is checked, and Mac.getInstance costs more than the MAC. */
    private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(this::newMac);

    public ServiceCredential(String secret, Clock clock) {
        if (secret == null || secret.getBytes(StandardCharsets.UTF_8).length < 32) {
            throw new IllegalArgumentException("the service secret (TICKETING_SERVICE_SECRET) must be at least 32 bytes");
        }
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
        this.clock = clock;
    }

    /** The header value for a call by {@code caller} carrying these identity headers (null when absent). */
    public String issue(String caller, String userId, String roles) {
        return issue(caller, userId, roles, TTL);
    }

    /** The same, good for {@code ttl} (at most {@link #MAX_TTL}). */
    public String issue(String caller, String userId, String roles, Duration ttl) {
        if (!CALLER.matcher(caller).matches()) {
            throw new IllegalArgumentException("bad caller name: " + caller);
        }
        if (ttl.compareTo(MAX_TTL) > 0 || ttl.isNegative()) {
            throw new IllegalArgumentException("a credential lives at most " + MAX_TTL);
        }
        String stamp = caller + "." + clock.instant().plus(ttl).getEpochSecond();
        return stamp + "." + ENCODER.encodeToString(mac(stamp, userId, roles));
    }

    /** Whether a presented header value is a valid, fresh credential for these identity headers. */
    public boolean verify(String presented, String userId, String roles) {
        if (presented == null || presented.length() > MAX_LENGTH) {
            return false;
        }
        int first = presented.indexOf('.');
        int last = presented.lastIndexOf('.');
        if (first <= 0 || last <= first) {
            return false;
        }
        String stamp = presented.substring(0, last);
        long expires;
        try {
            expires = Long.parseLong(presented.substring(first + 1, last));
        } catch (NumberFormatException e) {
            return false;
        }
        long now = clock.instant().getEpochSecond();
        if (expires + SKEW_SECONDS < now || expires > now + MAX_TTL.toSeconds() + SKEW_SECONDS) {
            return false;
        }
        byte[] expected = ENCODER.encode(mac(stamp, userId, roles));
        return MessageDigest.isEqual(expected, presented.substring(last + 1).getBytes(StandardCharsets.US_ASCII));
    }

    private byte[] mac(String stamp, String userId, String roles) {
        Mac mac = macs.get();
        mac.update(stamp.getBytes(StandardCharsets.UTF_8));
        mac.update((byte) '\n');
        mac.update((userId == null ? "" : userId).getBytes(StandardCharsets.UTF_8));
        mac.update((byte) '\n');
        return mac.doFinal((roles == null ? "" : roles).getBytes(StandardCharsets.UTF_8)); // doFinal resets it
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
