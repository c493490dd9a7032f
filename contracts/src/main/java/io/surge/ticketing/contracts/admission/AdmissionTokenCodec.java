package io.surge.ticketing.contracts.admission;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The admission-token wire format: {@code v1.<base64url(json claims)>.<base64url(HMAC-SHA256)>}.
 * The waiting room signs; the gateway and the booking service verify. The key is a secret shared
 * by those three only (from the environment, never committed) and must be at least 32 bytes.
 * The signature is checked in constant time before any claim is read.
 */
public final class AdmissionTokenCodec {

    private static final String VERSION = "v1";
    private static final String ALGORITHM = "HmacSHA256";
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
    private static final int MAX_TOKEN_LENGTH = 2048;

    private final SecretKeySpec key;
    private final ObjectMapper json = new ObjectMapper();
    private final Clock clock;

    public AdmissionTokenCodec(byte[] secret, Clock clock) {
        if (secret == null || secret.length < 32) {
            throw new IllegalArgumentException("admission secret must be at least 32 bytes");
        }
        this.key = new SecretKeySpec(secret.clone(), ALGORITHM);
        this.clock = clock;
    }

    public static AdmissionTokenCodec fromSecret(String secret, Clock clock) {
        if (secret == null) {
            throw new IllegalArgumentException("admission secret is not configured");
        }
        return new AdmissionTokenCodec(secret.getBytes(StandardCharsets.UTF_8), clock);
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
            String signingInput = VERSION + "." + payload;
            return signingInput + "." + ENCODER.encodeToString(sign(signingInput));
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
        if (parts.length != 3 || !VERSION.equals(parts[0])) {
            return Verification.failed(Failure.MALFORMED);
        }
        byte[] signature;
        byte[] payload;
        try {
            signature = DECODER.decode(parts[2]);
            payload = DECODER.decode(parts[1]);
        } catch (IllegalArgumentException e) {
            return Verification.failed(Failure.MALFORMED);
        }
        byte[] expected = sign(parts[0] + "." + parts[1]);
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

    private byte[] sign(String signingInput) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Why a token was refused. */
    public enum Failure {
        MISSING, MALFORMED, BAD_SIGNATURE, EXPIRED, WRONG_EVENT, WRONG_USER
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
