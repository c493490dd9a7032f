package io.surge.ticketing.payment.checkout;

import java.util.UUID;

import io.surge.ticketing.payment.idempotency.Fingerprint;

/** What "the same request" means for a payment's idempotency key: the same booking and the same body. */
final class RequestFingerprint {

    private RequestFingerprint() {
    }

    static String of(UUID bookingId, PaymentRequest request) {
        return Fingerprint.of(bookingId.toString(), request.paymentToken());
    }
}
