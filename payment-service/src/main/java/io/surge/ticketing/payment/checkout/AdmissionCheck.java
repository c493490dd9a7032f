package io.surge.ticketing.payment.checkout;

import java.time.Clock;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import io.surge.ticketing.contracts.ErrorCode;
import io.surge.ticketing.contracts.admission.AdmissionTokenCodec;

/**
 * The gateway checked the admission token's signature, user and expiry, but only this service knows the
 * booking's event, so it checks the token is for that event (and, cheaply, everything else again).
 */
@Component
class AdmissionCheck {

    private final AdmissionTokenCodec codec;

    AdmissionCheck(CheckoutProperties properties, Clock clock,
            @Value("${ticketing.admission.previous-secret:${TICKETING_ADMISSION_PREVIOUS_SECRET:}}") String previousSecret) {
        this.codec = AdmissionTokenCodec.fromSecrets(properties.admissionSecret(), previousSecret, clock);
    }

    void verify(String token, String userId, long eventId) {
        AdmissionTokenCodec.Verification verification = codec.verify(token, userId, eventId);
        if (verification.valid()) {
            return;
        }
        throw switch (verification.failure()) {
            case MISSING -> CheckoutRefusal.admission(ErrorCode.ADMISSION_REQUIRED, "an admission token is required");
            case EXPIRED -> CheckoutRefusal.admission(ErrorCode.ADMISSION_EXPIRED, "the admission token has expired");
            case WRONG_EVENT -> CheckoutRefusal.admission(ErrorCode.ADMISSION_WRONG_EVENT,
                    "the admission token is for another event");
            case WRONG_USER -> CheckoutRefusal.admission(ErrorCode.ADMISSION_WRONG_USER,
                    "the admission token is for another user");
            case MALFORMED, BAD_SIGNATURE -> CheckoutRefusal.admission(ErrorCode.ADMISSION_INVALID,
                    "the admission token is invalid");
        };
    }
}
