package io.surge.ticketing.gateway.admission;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import io.surge.ticketing.contracts.ErrorCode;
import io.surge.ticketing.contracts.admission.AdmissionToken;
import io.surge.ticketing.contracts.admission.AdmissionTokenCodec;

class AdmissionGuardUnitTests {

    private static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final AdmissionTokenCodec codec = AdmissionTokenCodec.fromSecret("a-test-secret-that-is-at-least-32-bytes", clock);
    private final AdmissionGuard guard = new AdmissionGuard(codec, clock);

    private String token(String user, long event, long ttlSeconds) {
        return codec.encode(new AdmissionToken(user, event, NOW.minusSeconds(60), NOW.plusSeconds(ttlSeconds), "jti"));
    }

    @Test
    void aLiveTokenForThisUserAndEventPasses() {
        assertThat(guard.checkForEvent(token("u1", 7, 300), "u1", 7)).isNull();
        assertThat(guard.checkForUser(token("u1", 7, 300), "u1")).isNull();
    }

    @Test
    void eachRefusalHasItsOwnCode() {
        String valid = token("u1", 7, 300);
        String forged = valid.substring(0, valid.length() - 4) + (valid.endsWith("AAAA") ? "BBBB" : "AAAA");
        AdmissionTokenCodec otherKey = AdmissionTokenCodec.fromSecret("another-secret-that-is-at-least-32-bytes", clock);

        assertThat(guard.checkForEvent(null, "u1", 7)).isEqualTo(ErrorCode.ADMISSION_REQUIRED);
        assertThat(guard.checkForEvent("", "u1", 7)).isEqualTo(ErrorCode.ADMISSION_REQUIRED);
        assertThat(guard.checkForEvent("garbage", "u1", 7)).isEqualTo(ErrorCode.ADMISSION_INVALID);
        assertThat(guard.checkForEvent(forged, "u1", 7)).isEqualTo(ErrorCode.ADMISSION_INVALID);
        assertThat(guard.checkForEvent(otherKey.encode(new AdmissionToken("u1", 7, NOW, NOW.plusSeconds(60), "j")), "u1", 7))
                .isEqualTo(ErrorCode.ADMISSION_INVALID);
        assertThat(guard.checkForEvent(token("u1", 7, -1), "u1", 7)).isEqualTo(ErrorCode.ADMISSION_EXPIRED);
        assertThat(guard.checkForEvent(valid, "u1", 8)).isEqualTo(ErrorCode.ADMISSION_WRONG_EVENT);
        assertThat(guard.checkForEvent(valid, "u2", 7)).isEqualTo(ErrorCode.ADMISSION_WRONG_USER);
    }

    @Test
    void onAnExistingBookingTheTokenMustStillBeOursAliveAndTheUsers() {
        assertThat(guard.checkForUser(null, "u1")).isEqualTo(ErrorCode.ADMISSION_REQUIRED);
        assertThat(guard.checkForUser("v1.x.y", "u1")).isEqualTo(ErrorCode.ADMISSION_INVALID);
        assertThat(guard.checkForUser(token("u1", 7, -1), "u1")).isEqualTo(ErrorCode.ADMISSION_EXPIRED);
        assertThat(guard.checkForUser(token("u1", 7, 300), "u2")).isEqualTo(ErrorCode.ADMISSION_WRONG_USER);
    }

    @Test
    void payingAHoldTakesTheUsersOwnTokenEvenExpired_butNeverAForgedOrAnotherUsersOne() {
        String expired = token("u1", 7, -1);

        assertThat(guard.checkForUserAnyExpiry(expired, "u1")).isNull();
        assertThat(guard.checkForUserAnyExpiry(token("u1", 7, 300), "u1")).isNull();
        assertThat(guard.checkForUserAnyExpiry(expired, "u2")).isEqualTo(ErrorCode.ADMISSION_WRONG_USER);
        assertThat(guard.checkForUserAnyExpiry(null, "u1")).isEqualTo(ErrorCode.ADMISSION_REQUIRED);
        assertThat(guard.checkForUserAnyExpiry(expired.substring(0, expired.length() - 2) + "xx", "u1"))
                .isEqualTo(ErrorCode.ADMISSION_INVALID);
        AdmissionTokenCodec otherKey = AdmissionTokenCodec.fromSecret("another-secret-that-is-at-least-32-bytes", clock);
        assertThat(guard.checkForUserAnyExpiry(otherKey.encode(new AdmissionToken("u1", 7, NOW, NOW.minusSeconds(1), "j")),
                "u1")).isEqualTo(ErrorCode.ADMISSION_INVALID);
    }
}
