package io.surge.ticketing.payment.checkout;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;

/** What "the same request" means for an idempotency key: the same booking and the same body. */
final class RequestFingerprint {

    private RequestFingerprint() {
    }

    static String of(UUID bookingId, PaymentRequest request) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(bookingId.toString().getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(request.paymentToken().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
