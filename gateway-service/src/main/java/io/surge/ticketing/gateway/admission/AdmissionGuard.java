package io.surge.ticketing.gateway.admission;

import java.time.Clock;
import java.time.Instant;

import io.surge.ticketing.contracts.ErrorCode;
import io.surge.ticketing.contracts.admission.AdmissionToken;
import io.surge.ticketing.contracts.admission.AdmissionTokenCodec;
import io.surge.ticketing.contracts.admission.AdmissionTokenCodec.Failure;
import io.surge.ticketing.contracts.admission.AdmissionTokenCodec.Verification;

/**
 * Decides whether a presented admission token lets a user through, and names the refusal with its stable code.
 * Pure: no HTTP here, so every rule is unit-testable.
 */
final class AdmissionGuard {

    private final AdmissionTokenCodec codec;
    private final Clock clock;

    AdmissionGuard(AdmissionTokenCodec codec, Clock clock) {
        this.codec = codec;
        this.clock = clock;
    }

    /** For a reservation: the token must be ours, alive, for this user and for this event. */
    ErrorCode checkForEvent(String token, String userId, long eventId) {
        Verification verification = codec.verify(token, userId, eventId);
        return verification.valid() ? null : codeOf(verification.failure());
    }

    /**
     * For operations on an existing booking: the booking's event is known only downstream (booking-service
     * checks it again), so here the token must be ours, alive and for this user.
     */
    ErrorCode checkForUser(String token, String userId) {
        Verification verification = codec.decode(token);
        if (!verification.valid()) {
            return codeOf(verification.failure());
        }
        AdmissionToken decoded = verification.token();
        if (!decoded.expiresAt().isAfter(Instant.now(clock))) {
            return ErrorCode.ADMISSION_EXPIRED;
        }
        if (!decoded.userId().equals(userId)) {
            return ErrorCode.ADMISSION_WRONG_USER;
        }
        return null;
    }

    /**
     * For paying a hold: the token must be ours and this user's, but may have expired. A fan holding seats can always
     * pay before the hold expires, even when the admission session ends first; payment-service, which knows the
     * booking, accepts an expired token only for that booking's event and while the hold is live.
     */
    ErrorCode checkForUserAnyExpiry(String token, String userId) {
        Verification verification = codec.decode(token);
        if (!verification.valid()) {
            return codeOf(verification.failure());
        }
        return verification.token().userId().equals(userId) ? null : ErrorCode.ADMISSION_WRONG_USER;
    }

    static ErrorCode codeOf(Failure failure) {
        return failure.errorCode();
    }

    static String describe(ErrorCode code) {
        return Failure.detailOf(code);
    }
}
