package io.surge.ticketing.payment.checkout;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.surge.ticketing.contracts.ErrorCode;
import io.surge.ticketing.contracts.admission.AdmissionKeys;
import io.surge.ticketing.contracts.admission.AdmissionToken;
import io.surge.ticketing.contracts.admission.AdmissionTokenCodec;
import io.surge.ticketing.platform.web.DomainException;

/** A live hold can always be paid, even after the admission session ended; nothing else about the token relaxes. */
class AdmissionCheckUnitTests {

    private static final String SECRET = "an-admission-secret-of-at-least-32-bytes!";
    private static final long EVENT = 42;
    private static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");

    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final AdmissionCheck check = new AdmissionCheck(new AdmissionKeys(SECRET, null), clock);
    private final AdmissionTokenCodec codec = AdmissionTokenCodec.fromSecret(SECRET, clock);

    @Test
    void aValidTokenPassesWhateverTheHold() {
        String token = token(codec, "fan", EVENT, NOW.plusSeconds(60));

        assertThatCode(() -> check.verify(token, "fan", EVENT, true)).doesNotThrowAnyException();
        assertThatCode(() -> check.verify(token, "fan", EVENT, false)).doesNotThrowAnyException();
    }

    @Test
    void anExpiredTokenOfThisUserAndEventPaysALiveHold() {
        String expired = token(codec, "fan", EVENT, NOW.minusSeconds(1));

        assertThatCode(() -> check.verify(expired, "fan", EVENT, true)).doesNotThrowAnyException();
    }

    @Test
    void anExpiredTokenIsRefusedWithoutALiveHold() {
        String expired = token(codec, "fan", EVENT, NOW.minus(Duration.ofMinutes(5)));

        assertRefused(() -> check.verify(expired, "fan", EVENT, false), ErrorCode.ADMISSION_EXPIRED);
    }

    @Test
    void anExpiredTokenOfAnotherEventOrUserIsRefusedEvenForALiveHold() {
        assertRefused(() -> check.verify(token(codec, "fan", EVENT + 1, NOW.minusSeconds(1)), "fan", EVENT, true),
                ErrorCode.ADMISSION_WRONG_EVENT);
        assertRefused(() -> check.verify(token(codec, "someone-else", EVENT, NOW.minusSeconds(1)), "fan", EVENT, true),
                ErrorCode.ADMISSION_WRONG_USER);
    }

    @Test
    void forgedAndMissingTokensAreRefusedEvenForALiveHold() {
        AdmissionTokenCodec forger = AdmissionTokenCodec.fromSecret("not-our-secret-but-also-32-bytes-long!!", clock);

        assertRefused(() -> check.verify(token(forger, "fan", EVENT, NOW.minusSeconds(1)), "fan", EVENT, true),
                ErrorCode.ADMISSION_INVALID);
        assertRefused(() -> check.verify(token(forger, "fan", EVENT, NOW.plusSeconds(60)), "fan", EVENT, true),
                ErrorCode.ADMISSION_INVALID);
        assertRefused(() -> check.verify(null, "fan", EVENT, true), ErrorCode.ADMISSION_REQUIRED);
    }

    private static void assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, ErrorCode code) {
        assertThatThrownBy(call).isInstanceOfSatisfying(DomainException.class, refusal -> {
            org.assertj.core.api.Assertions.assertThat(refusal.code()).isEqualTo(code);
            org.assertj.core.api.Assertions.assertThat(refusal.status().value()).isEqualTo(403);
        });
    }

    private static String token(AdmissionTokenCodec codec, String user, long event, Instant expiresAt) {
        return codec.encode(new AdmissionToken(user, event, expiresAt.minus(Duration.ofMinutes(10)), expiresAt,
                UUID.randomUUID().toString()));
    }
}
