package io.surge.ticketing.contracts.signing;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * An HMAC-SHA256 key with its id, for the platform's signed tokens (admission tokens, ticket codes). The id is the
 * first four bytes of the key's SHA-256, so every holder of the key agrees on it without sharing more, and a token
 * names the key it was signed with (rotation: the current key signs, the previous one still verifies).
 * <p>
 * One initialised {@link Mac} per thread: tokens are checked on every reservation, payment and scan, and
 * {@code Mac.getInstance} plus {@code init} (a provider lookup and a digest of the key) cost more than the MAC
 * itself.
 */
public final class SigningKey {

    private static final String ALGORITHM = "HmacSHA256";
    private static final int MIN_LENGTH = 32;

    private final String id;
    private final SecretKeySpec spec;
    private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(this::newMac);

    private SigningKey(String id, SecretKeySpec spec) {
        this.id = id;
        this.spec = spec;
    }

    /**
     * @param secret the key, at least 32 bytes
     * @param name   what the key is, for the refusal ("admission secret")
     */
    public static SigningKey of(byte[] secret, String name) {
        if (secret == null || secret.length < MIN_LENGTH) {
            throw new IllegalArgumentException(name + " must be at least " + MIN_LENGTH + " bytes");
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(secret);
            return new SigningKey(HexFormat.of().formatHex(digest, 0, 4), new SecretKeySpec(secret.clone(), ALGORITHM));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Eight hex digits naming the key in the tokens it signs. */
    public String id() {
        return id;
    }

    /** The HMAC of the ASCII signing input; {@code doFinal} leaves the thread's Mac reset for the next one. */
    public byte[] sign(String signingInput) {
        return macs.get().doFinal(signingInput.getBytes(StandardCharsets.US_ASCII));
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(spec);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
