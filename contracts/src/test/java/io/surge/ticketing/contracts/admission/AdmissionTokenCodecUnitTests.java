package io.surge.ticketing.contracts.admission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;

import org.junit.jupiter.api.Test;

import io.surge.ticketing.contracts.ErrorCode;
import io.surge.ticketing.contracts.admission.AdmissionTokenCodec.Failure;

class AdmissionTokenCodecUnitTests {

    private static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final AdmissionTokenCodec codec = AdmissionTokenCodec.fromSecret("0123456789abcdef0123456789abcdef", clock);

    private String tokenFor(String user, long event, Duration ttl) {
        return codec.encode(new AdmissionToken(user, event, NOW, NOW.plus(ttl), "jti-1"));
    }

    @Test
    void acceptsATokenForItsOwnUserAndEvent() {
        var verification = codec.verify(tokenFor("u-1", 42, Duration.ofMinutes(5)), "u-1", 42);
        assertThat(verification.valid()).isTrue();
        assertThat(verification.token().userId()).isEqualTo("u-1");
        assertThat(verification.token().eventId()).isEqualTo(42);
    }

    @Test
    void refusesAnotherUsersToken() {
        assertThat(codec.verify(tokenFor("u-1", 42, Duration.ofMinutes(5)), "u-2", 42).failure())
                .isEqualTo(Failure.WRONG_USER);
    }

    @Test
    void refusesATokenForAnotherEvent() {
        assertThat(codec.verify(tokenFor("u-1", 42, Duration.ofMinutes(5)), "u-1", 43).failure())
                .isEqualTo(Failure.WRONG_EVENT);
    }

    @Test
    void refusesAnExpiredToken() {
        assertThat(codec.verify(tokenFor("u-1", 42, Duration.ofSeconds(-1)), "u-1", 42).failure())
                .isEqualTo(Failure.EXPIRED);
    }

    @Test
    void refusesATokenSignedWithAnotherKey() {
        var forger = AdmissionTokenCodec.fromSecret("ffffffffffffffffffffffffffffffff", clock);
        String forged = forger.encode(new AdmissionToken("u-1", 42, NOW, NOW.plusSeconds(60), "x"));
        assertThat(codec.verify(forged, "u-1", 42).failure()).isEqualTo(Failure.BAD_SIGNATURE);
    }

    @Test
    void refusesATokenWhosePayloadWasEdited() {
        String token = tokenFor("u-1", 42, Duration.ofMinutes(5));
        String[] parts = token.split("\\.");
        String edited = Base64.getUrlEncoder().withoutPadding().encodeToString(
                new String(Base64.getUrlDecoder().decode(parts[2]), StandardCharsets.UTF_8)
                        .replace("\"u-1\"", "\"u-2\"").getBytes(StandardCharsets.UTF_8));
        assertThat(codec.verify(parts[0] + "." + parts[1] + "." + edited + "." + parts[3], "u-2", 42).failure())
                .isEqualTo(Failure.BAD_SIGNATURE);
    }

    @Test
    void refusesMissingAndMalformedTokens() {
        assertThat(codec.verify(null, "u-1", 42).failure()).isEqualTo(Failure.MISSING);
        assertThat(codec.verify("", "u-1", 42).failure()).isEqualTo(Failure.MISSING);
        assertThat(codec.verify("garbage", "u-1", 42).failure()).isEqualTo(Failure.MALFORMED);
        assertThat(codec.verify("v1.!!.!!", "u-1", 42).failure()).isEqualTo(Failure.MALFORMED);
        assertThat(codec.verify("v2.a.b", "u-1", 42).failure()).isEqualTo(Failure.MALFORMED);
        assertThat(codec.verify("v1.e30.AAAA", "u-1", 42).failure()).isEqualTo(Failure.MALFORMED);
    }

    @Test
    void aTokenHasExactlyOneSpelling() {
        String token = tokenFor("u-1", 42, Duration.ofMinutes(5));
        assertThat(codec.verify(token + "=", "u-1", 42).failure()).isEqualTo(Failure.MALFORMED);
        char last = token.charAt(token.length() - 1);
        // a 32-byte MAC leaves 2 unused bits in its last base64 character: flipping them decodes to the same MAC
        String sameBytes = token.substring(0, token.length() - 1) + (char) (last + 1);
        assertThat(codec.verify(sameBytes, "u-1", 42).valid()).isFalse();
    }

    @Test
    void tokensNameTheirKeyAndSurviveARotation() {
        String old = "0123456789abcdef0123456789abcdef";
        String fresh = "fedcba9876543210fedcba9876543210";
        String signedBefore = tokenFor("u-1", 42, Duration.ofMinutes(5));
        var rotating = AdmissionTokenCodec.fromSecrets(fresh, old, clock);
        var afterRotation = AdmissionTokenCodec.fromSecret(fresh, clock);

        assertThat(signedBefore.split("\\.")[1]).isEqualTo(codec.currentKeyId()).hasSize(8);
        assertThat(rotating.verify(signedBefore, "u-1", 42).valid()).as("old key still accepted").isTrue();
        String signedDuring = rotating.encode(new AdmissionToken("u-1", 42, NOW, NOW.plusSeconds(60), "j"));
        assertThat(signedDuring.split("\\.")[1]).isEqualTo(rotating.currentKeyId()).isNotEqualTo(codec.currentKeyId());
        assertThat(afterRotation.verify(signedDuring, "u-1", 42).valid()).isTrue();
        assertThat(afterRotation.verify(signedBefore, "u-1", 42).failure()).as("retired key").isEqualTo(Failure.BAD_SIGNATURE);
    }

    @Test
    void refusesShortSecrets() {
        assertThatThrownBy(() -> AdmissionTokenCodec.fromSecret("short", clock))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void everyFailureHasOneCodeAndOneWordingForEveryVerifier() {
        assertThat(AdmissionTokenCodec.Failure.MISSING.errorCode()).isEqualTo(ErrorCode.ADMISSION_REQUIRED);
        assertThat(AdmissionTokenCodec.Failure.MALFORMED.errorCode()).isEqualTo(ErrorCode.ADMISSION_INVALID);
        assertThat(AdmissionTokenCodec.Failure.BAD_SIGNATURE.errorCode()).isEqualTo(ErrorCode.ADMISSION_INVALID);
        assertThat(AdmissionTokenCodec.Failure.EXPIRED.errorCode()).isEqualTo(ErrorCode.ADMISSION_EXPIRED);
        assertThat(AdmissionTokenCodec.Failure.WRONG_EVENT.errorCode()).isEqualTo(ErrorCode.ADMISSION_WRONG_EVENT);
        assertThat(AdmissionTokenCodec.Failure.WRONG_USER.errorCode()).isEqualTo(ErrorCode.ADMISSION_WRONG_USER);
        for (AdmissionTokenCodec.Failure failure : AdmissionTokenCodec.Failure.values()) {
            assertThat(AdmissionTokenCodec.Failure.detailOf(failure.errorCode())).isEqualTo(failure.detail()).isNotBlank();
        }
        assertThat(AdmissionTokenCodec.Failure.detailOf(ErrorCode.FORBIDDEN)).isEqualTo("admission refused");
    }

    @Test
    void manyThreadsVerifyingUnderTheCurrentAndThePreviousKeyEachGetTheirOwnTokensRight() throws Exception {
        var before = AdmissionTokenCodec.fromSecret("ffffffffffffffffffffffffffffffff", clock);
        var rotated = AdmissionTokenCodec.fromSecrets("0123456789abcdef0123456789abcdef",
                "ffffffffffffffffffffffffffffffff", clock);
        var forger = AdmissionTokenCodec.fromSecret("eeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee", clock);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            var outcomes = new java.util.ArrayList<java.util.concurrent.Future<Integer>>();
            for (int t = 0; t < 8; t++) {
                int thread = t;
                outcomes.add(pool.submit(() -> {
                    int wrong = 0;
                    for (int i = 0; i < 500; i++) {
                        String user = "u-" + thread + "-" + i;
                        var token = new AdmissionToken(user, 42, NOW, NOW.plusSeconds(60), "j" + i);
                        // a Mac per key and thread: interleaving the two keys and a forgery must not mix their state
                        wrong += rotated.verify(codec.encode(token), user, 42).valid() ? 0 : 1;
                        wrong += rotated.verify(before.encode(token), user, 42).valid() ? 0 : 1;
                        wrong += rotated.verify(forger.encode(token), user, 42).failure() == Failure.BAD_SIGNATURE ? 0 : 1;
                        wrong += rotated.verify(codec.encode(token), user + "x", 42).failure() == Failure.WRONG_USER ? 0 : 1;
                    }
                    return wrong;
                }));
            }
            for (var outcome : outcomes) {
                assertThat(outcome.get()).isZero();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
