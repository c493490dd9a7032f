package io.surge.ticketing.booking.admission;

import java.time.Clock;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import io.surge.ticketing.booking.BookingProperties;
import io.surge.ticketing.contracts.admission.AdmissionTokenCodec;
import io.surge.ticketing.platform.web.DomainException;

/**
 * Verifies the waiting room's admission token again behind the gateway (defence in depth: a request that
 * reached this service by another path still needs a token bound to this user and this event).
 */
@Component
public class AdmissionCheck {

    private final AdmissionTokenCodec codec;

    AdmissionCheck(BookingProperties properties, Clock clock,
            @Value("${ticketing.admission.previous-secret:${TICKETING_ADMISSION_PREVIOUS_SECRET:}}") String previousSecret) {
        this.codec = AdmissionTokenCodec.fromSecrets(properties.admissionSecret(), previousSecret, clock);
    }

    public void require(String token, String userId, long eventId) {
        AdmissionTokenCodec.Verification verification = codec.verify(token, userId, eventId);
        if (verification.valid()) {
            return;
        }
        throw new DomainException(HttpStatus.FORBIDDEN, verification.failure().errorCode(),
                verification.failure().detail(), Map.of());
    }
}
