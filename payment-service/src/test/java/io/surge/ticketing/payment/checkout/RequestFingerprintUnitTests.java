package io.surge.ticketing.payment.checkout;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;

class RequestFingerprintUnitTests {

    private final UUID booking = UUID.randomUUID();

    @Test
    void theSameBookingAndBodyHaveTheSameFingerprint() {
        assertThat(RequestFingerprint.of(booking, new PaymentRequest("tok_visa")))
                .isEqualTo(RequestFingerprint.of(booking, new PaymentRequest("tok_visa")));
    }

    @Test
    void anotherTokenOrAnotherBookingIsAnotherRequest() {
        String original = RequestFingerprint.of(booking, new PaymentRequest("tok_visa"));

        assertThat(RequestFingerprint.of(booking, new PaymentRequest("tok_slow"))).isNotEqualTo(original);
        assertThat(RequestFingerprint.of(UUID.randomUUID(), new PaymentRequest("tok_visa"))).isNotEqualTo(original);
    }
}
