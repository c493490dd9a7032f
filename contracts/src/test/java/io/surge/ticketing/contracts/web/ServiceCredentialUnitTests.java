package io.surge.ticketing.contracts.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

class ServiceCredentialUnitTests {

    private static final String SECRET = "0123456789abcdef0123456789abcdef";
    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    private final ServiceCredential credentials = new ServiceCredential(SECRET, Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void aCredentialVouchesForItsIdentityOnly() {
        String issued = credentials.issue("gateway-service", "fan-1", "vip");

        assertThat(credentials.verify(issued, "fan-1", "vip")).isTrue();
        assertThat(credentials.verify(issued, "fan-2", "vip")).as("another user").isFalse();
        assertThat(credentials.verify(issued, "fan-1", "admin")).as("other roles").isFalse();
        assertThat(credentials.verify(issued, null, null)).isFalse();
    }

    @Test
    void anonymousCallsAreSignedToo() {
        assertThat(credentials.verify(credentials.issue("gateway-service", null, null), null, null)).isTrue();
        assertThat(credentials.verify(credentials.issue("gateway-service", null, null), "", "")).isTrue();
    }

    @Test
    void forgedStaleAndMalformedCredentialsAreRefused() {
        String issued = credentials.issue("payment-service", "fan-1", "");
        ServiceCredential otherKey = new ServiceCredential("ffffffffffffffffffffffffffffffff", Clock.fixed(NOW, ZoneOffset.UTC));
        ServiceCredential later = new ServiceCredential(SECRET, Clock.fixed(NOW.plusSeconds(66), ZoneOffset.UTC));
        ServiceCredential earlier = new ServiceCredential(SECRET, Clock.fixed(NOW.minusSeconds(606), ZoneOffset.UTC));

        assertThat(otherKey.verify(issued, "fan-1", "")).isFalse();
        assertThat(later.verify(issued, "fan-1", "")).as("expired a minute after issue").isFalse();
        assertThat(earlier.verify(issued, "fan-1", "")).as("claims to live longer than allowed").isFalse();
        assertThat(later.verify(credentials.issue("bench", "fan-1", "", java.time.Duration.ofMinutes(5)), "fan-1", ""))
                .as("a longer-lived one, within the maximum").isTrue();
        assertThatThrownBy(() -> credentials.issue("bench", null, null, java.time.Duration.ofMinutes(11)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(credentials.verify(issued.replace("payment-service", "gateway-service"), "fan-1", "")).isFalse();
        for (String bad : new String[] {null, "", "x", "a.b", "gateway-service.x.y", "gateway-service..", "."}) {
            assertThat(credentials.verify(bad, "fan-1", "")).as(String.valueOf(bad)).isFalse();
        }
        assertThatThrownBy(() -> new ServiceCredential("short", Clock.systemUTC())).isInstanceOf(IllegalArgumentException.class);
    }
}
