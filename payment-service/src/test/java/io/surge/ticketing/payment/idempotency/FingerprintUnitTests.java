package io.surge.ticketing.payment.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;

class FingerprintUnitTests {

    @Test
    void isTheSha256OfThePartsSeparatedByAZeroByteSoKeysStoredBeforeStayValid() throws Exception {
        // what payments stored before the fingerprint was shared: sha256(booking id, 0, payment token)
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        sha.update("b-1".getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
        sha.update("tok_visa".getBytes(StandardCharsets.UTF_8));

        assertThat(Fingerprint.of("b-1", "tok_visa")).isEqualTo(HexFormat.of().formatHex(sha.digest()));
    }

    @Test
    void partsCannotBleedIntoEachOther() {
        assertThat(Fingerprint.of("ab", "c")).isNotEqualTo(Fingerprint.of("a", "bc"));
        assertThat(Fingerprint.of("refund", "b-1", "")).isNotEqualTo(Fingerprint.of("refund", "b-1", "changed my mind"));
    }
}
