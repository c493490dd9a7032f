package io.surge.ticketing.contracts.admission;

import java.time.Instant;
import java.util.Objects;

/**
 * What an admission token says: this user may use the booking API for this event until {@code expiresAt}.
 *
 * @param userId    the JWT subject the waiting room admitted
 * @param eventId   the event the admission is for
 * @param issuedAt  when the waiting room admitted the user
 * @param expiresAt end of the admitted session
 * @param tokenId   unique id of this admission (for audit and revocation lists)
 */
public record AdmissionToken(String userId, long eventId, Instant issuedAt, Instant expiresAt, String tokenId) {

    public AdmissionToken {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(tokenId, "tokenId");
    }
}
