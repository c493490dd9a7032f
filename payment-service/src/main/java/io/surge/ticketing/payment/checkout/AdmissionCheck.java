package io.surge.ticketing.payment.checkout;

import java.time.Clock;

import org.springframework.stereotype.Component;

import io.surge.ticketing.contracts.admission.AdmissionKeys;
import io.surge.ticketing.contracts.admission.AdmissionToken;
import io.surge.ticketing.contracts.admission.AdmissionTokenCodec;
import io.surge.ticketing.contracts.admission.AdmissionTokenCodec.Failure;
import io.surge.ticketing.contracts.admission.AdmissionTokenCodec.Verification;

/**
 * The gateway checked the admission token's signature and user, but only this service knows the booking's event, so
 * it checks the token is for that event (and, cheaply, everything else again).
 * <p>
 * A fan holding seats can always pay before the hold expires, even when the admission session ends first (the hold
 * was taken while admitted, and its own expiry bounds it): a token that is ours, for this user and this event, is
 * accepted after its expiry as long as the booking is a live hold. Forged tokens, other users' and other events'
 * tokens are refused whatever the hold.
 */
@Component
class AdmissionCheck {

    private final AdmissionTokenCodec codec;

    AdmissionCheck(AdmissionKeys keys, Clock clock) {
        this.codec = keys.codec(clock);
    }

    /** @param holdLive whether the booking being paid is a RESERVED hold that has not expired */
    void verify(String token, String userId, long eventId, boolean holdLive) {
        Verification verification = codec.verify(token, userId, eventId);
        if (verification.valid()) {
            return;
        }
        Failure failure = verification.failure();
        if (failure == Failure.EXPIRED) {
            // The signature is good (expiry is checked after it): name the real mismatch, or let a live hold through.
            AdmissionToken expired = codec.decode(token).token();
            if (expired.eventId() != eventId) {
                failure = Failure.WRONG_EVENT;
            } else if (!expired.userId().equals(userId)) {
                failure = Failure.WRONG_USER;
            } else if (holdLive) {
                return;
            }
        }
        throw CheckoutRefusal.admission(failure.errorCode(), failure.detail());
    }
}
