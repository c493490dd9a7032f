package io.surge.ticketing.booking.admission;

import java.time.Clock;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import io.surge.ticketing.contracts.admission.AdmissionKeys;
import io.surge.ticketing.contracts.admission.AdmissionTokenCodec;
import io.surge.ticketing.platform.web.DomainException;

/**
 * Verifies the waiting room's admission token again behind the gateway (defence in depth: a request that
 * reached this service by another path still needs a token bound to this user and this event).
 */
@Component
public class AdmissionCheck {

    private final AdmissionTokenCodec codec;

    AdmissionCheck(AdmissionKeys keys, Clock clock) {
        this.codec = keys.codec(clock);
    }

    /**
     * An admission token for a waiting-list offer: the fan comes from the list, not through the waiting room's line,
     * and pays its offer with this token like any admitted fan. Bound to the fan and the event, valid until the offer
     * expires. Signed with the same key the waiting room uses, so it verifies everywhere a line's token does.
     */
    public String issueForOffer(String userId, long eventId, java.time.Instant issuedAt, java.time.Instant expiresAt,
            java.util.UUID offerId) {
        return codec.encode(new io.surge.ticketing.contracts.admission.AdmissionToken(userId, eventId, issuedAt,
                expiresAt, "offer-" + offerId));
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
