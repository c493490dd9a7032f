package io.surge.ticketing.contracts.admission;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import io.surge.ticketing.contracts.ErrorCode;
import io.surge.ticketing.contracts.signing.SigningKey;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The admission-token wire format: {@code v2.<kid>.<base64url(json claims)>.<base64url(HMAC-SHA256)>}.
 * The waiting room signs; the gateway, booking and payment verify. The keys are secrets shared by those services
 * only (from the environment, never committed), each at least 32 bytes. Tokens are signed with the current key and
 * verified with the key their {@code kid} names: the current one or, while a rotation is under way, the previous
 * one, so fans admitted before a rotation stay admitted. A key's id is derived from the key (the first 8 hex digits
 * of its SHA-256), so every service agrees on it without more configuration.
 * <p>
 * The signature is checked in constant time before any claim is read, and every part must be canonical base64url
 * (no padding, no stray bits): one token has exactly one spelling, so nothing keyed on the string can be fooled.
 */
public final class AdmissionTokenCodec {

    private static final String VERSION = "v2";
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
    private static final int MAX_TOKEN_LENGTH = 2048;

    private final SigningKey current;
    private final SigningKey previous;
    private final ObjectMapper json = new ObjectMapper();
    private final Clock clock;

    public AdmissionTokenCodec(byte[] secret, Clock clock) {
        this(secret, null, clock);
    }

    /** @param previousSecret the key being rotated out (still accepted), or null */
    public AdmissionTokenCodec(byte[] secret, byte[] previousSecret, Clock clock) {
        this.current = SigningKey.of(secret, "admission secret");
        this.previous = previousSecret == null || previousSecret.length == 0 ? null : SigningKey.of(previousSecret, "admission secret");
        this.clock = clock;
    }

    public static AdmissionTokenCodec fromSecret(String secret, Clock clock) {
        return fromSecrets(secret, null, clock);
    }

    /** @param previousSecret the key being rotated out (blank or null when there is none) */
    public static AdmissionTokenCodec fromSecrets(String secret, String previousSecret, Clock clock) {
        if (secret == null) {
            throw new IllegalArgumentException("admission secret is not configured");
        }
        return new AdmissionTokenCodec(secret.getBytes(StandardCharsets.UTF_8),
                previousSecret == null || previousSecret.isBlank() ? null : previousSecret.getBytes(StandardCharsets.UTF_8),
                clock);
    }

    /** The id of the key tokens are signed with now. */
    public String currentKeyId() {
        return current.id();
    }

    public String encode(AdmissionToken token) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("sub", token.userId());
        claims.put("evt", token.eventId());
        claims.put("iat", token.issuedAt().getEpochSecond());
        claims.put("exp", token.expiresAt().getEpochSecond());
        claims.put("jti", token.tokenId());
        try {
            String payload = ENCODER.encodeToString(json.writeValueAsBytes(claims));
            String signingInput = VERSION + "." + current.id() + "." + payload;
            return signingInput + "." + ENCODER.encodeToString(current.sign(signingInput));
        } catch (JacksonException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Verifies a presented token for the given user and event.
     *
     * @return the decoded token when valid; otherwise a failure saying why
     */
    public Verification verify(String presented, String userId, long eventId) {
        Verification decoded = decode(presented);
        if (!decoded.valid()) {
            return decoded;
        }
        AdmissionToken token = decoded.token();
        if (!token.expiresAt().isAfter(Instant.now(clock))) {
            return Verification.failed(Failure.EXPIRED);
        }
        if (token.eventId() != eventId) {
            return Verification.failed(Failure.WRONG_EVENT);
        }
        if (!token.userId().equals(userId)) {
            return Verification.failed(Failure.WRONG_USER);
        }
        return decoded;
    }

    /** Checks format and signature only (no expiry, user or event check). */
    public Verification decode(String presented) {
        if (presented == null || presented.isBlank()) {
            return Verification.failed(Failure.MISSING);
        }
        if (presented.length() > MAX_TOKEN_LENGTH) {
            return Verification.failed(Failure.MALFORMED);
        }
        String[] parts = presented.split("\\.", -1);
        if (parts.length != 4 || !VERSION.equals(parts[0])) {
            return Verification.failed(Failure.MALFORMED);
        }
        byte[] signature = canonicalBase64(parts[3]);
        byte[] payload = canonicalBase64(parts[2]);
        if (signature == null || payload == null) {
            return Verification.failed(Failure.MALFORMED);
        }
        SigningKey key = current.id().equals(parts[1]) ? current
                : previous != null && previous.id().equals(parts[1]) ? previous : null;
        if (key == null) {
            return Verification.failed(Failure.BAD_SIGNATURE); // a key we never had, or one retired
        }
        byte[] expected = key.sign(parts[0] + "." + parts[1] + "." + parts[2]);
        if (!MessageDigest.isEqual(expected, signature)) {
            return Verification.failed(Failure.BAD_SIGNATURE);
        }
        try {
            JsonNode claims = json.readTree(payload);
            AdmissionToken token = new AdmissionToken(
                    claims.required("sub").asString(),
                    claims.required("evt").asLong(),
                    Instant.ofEpochSecond(claims.required("iat").asLong()),
                    Instant.ofEpochSecond(claims.required("exp").asLong()),
                    claims.required("jti").asString());
            return Verification.ok(token);
        } catch (Exception e) {
            return Verification.failed(Failure.MALFORMED);
        }
    }

    /** The bytes of an unpadded base64url text, or null unless the text is exactly how those bytes encode. */
    private static byte[] canonicalBase64(String text) {
        try {
            byte[] bytes = DECODER.decode(text);
            return ENCODER.encodeToString(bytes).equals(text) ? bytes : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Why a token was refused. */
    /**
     * Why a token was refused, with the one problem code and wording every verifier (gateway, booking, payment)
     * answers for it.
     */
    public enum Failure {
        MISSING(ErrorCode.ADMISSION_REQUIRED, "an admission token from the waiting room is required (X-Admission-Token)"),
        MALFORMED(ErrorCode.ADMISSION_INVALID, "the admission token is not valid"),
        BAD_SIGNATURE(ErrorCode.ADMISSION_INVALID, "the admission token is not valid"),
        EXPIRED(ErrorCode.ADMISSION_EXPIRED, "the admission token has expired; rejoin the waiting room"),
        WRONG_EVENT(ErrorCode.ADMISSION_WRONG_EVENT, "the admission token is for another event"),
        WRONG_USER(ErrorCode.ADMISSION_WRONG_USER, "the admission token belongs to another user");

        private final ErrorCode errorCode;
        private final String detail;

        Failure(ErrorCode errorCode, String detail) {
            this.errorCode = errorCode;
            this.detail = detail;
        }

        public ErrorCode errorCode() {
            return errorCode;
        }

        public String detail() {
            return detail;
        }

        /** The wording of an admission refusal's code ({@code "admission refused"} for any other code). */
        public static String detailOf(ErrorCode code) {
            for (Failure failure : values()) {
                if (failure.errorCode == code) {
                    return failure.detail;
                }
            }
            return "admission refused";
        }
    }

    /** The outcome of a verification: either a token or a failure. */
    public record Verification(AdmissionToken token, Failure failure) {

        static Verification ok(AdmissionToken token) {
            return new Verification(token, null);
        }

        static Verification failed(Failure failure) {
            return new Verification(null, failure);
        }

        public boolean valid() {
            return failure == null;
        }
    }
}
