package io.surge.ticketing.contracts.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;

class SigningKeyUnitTests {

    private static final byte[] SECRET = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8);

    @Test
    void signsAsHmacSha256AndGivesTheSameAnswerOnEveryCall() throws Exception {
        SigningKey key = SigningKey.of(SECRET, "test secret");
        Mac reference = Mac.getInstance("HmacSHA256");
        reference.init(new SecretKeySpec(SECRET, "HmacSHA256"));
        byte[] expected = reference.doFinal("v1.abc.payload".getBytes(StandardCharsets.US_ASCII));

        assertThat(key.sign("v1.abc.payload")).isEqualTo(expected);
        assertThat(key.sign("v1.abc.other")).isNotEqualTo(expected);
        assertThat(key.sign("v1.abc.payload")).as("the thread's Mac was reset by the call before").isEqualTo(expected);
    }

    @Test
    void itsIdIsTheFirstFourBytesOfTheKeysSha256() throws Exception {
        byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(SECRET);
        assertThat(SigningKey.of(SECRET, "test secret").id()).isEqualTo(HexFormat.of().formatHex(digest, 0, 4));
    }

    @Test
    void refusesAKeyShorterThan32BytesNamingIt() {
        assertThatThrownBy(() -> SigningKey.of(new byte[31], "a ticket-code secret"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a ticket-code secret must be at least 32 bytes");
        assertThatThrownBy(() -> SigningKey.of(null, "admission secret")).isInstanceOf(IllegalArgumentException.class);
    }
}
