package io.surge.ticketing.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

import reactor.core.publisher.Mono;

class VerifiedTokensUnitTests {

    private static final Instant NOW = Instant.parse("2026-12-01T00:00:00Z");
    private final AtomicInteger verifications = new AtomicInteger();

    /** Stands in for the full RS256 verification: "good-*" tokens pass (expiring at NOW + 60 s), others fail. */
    private final ReactiveJwtDecoder verifier = token -> {
        verifications.incrementAndGet();
        if (!token.startsWith("good")) {
            return Mono.error(new BadJwtException("bad signature"));
        }
        return Mono.just(Jwt.withTokenValue(token).header("alg", "RS256").subject("fan-1")
                .issuedAt(NOW.minusSeconds(10)).expiresAt(NOW.plusSeconds(60)).build());
    };

    private VerifiedTokens tokens(Instant now) {
        return new VerifiedTokens(verifier, 100, Duration.ofMinutes(5), Duration.ofSeconds(30), Clock.fixed(now, ZoneOffset.UTC));
    }

    @Test
    void aTokenThatPassedIsNotVerifiedAgainWhileValid() {
        VerifiedTokens tokens = tokens(NOW);

        assertThat(tokens.decode("good-1").block().getSubject()).isEqualTo("fan-1");
        assertThat(tokens.decode("good-1").block().getSubject()).isEqualTo("fan-1");
        assertThat(tokens.decode("good-2").block()).isNotNull();

        assertThat(verifications).hasValue(2);
    }

    @Test
    void aTokenThatFailedIsVerifiedAndRefusedEveryTime() {
        VerifiedTokens tokens = tokens(NOW);

        assertThatThrownBy(() -> tokens.decode("forged").block()).isInstanceOf(JwtException.class);
        assertThatThrownBy(() -> tokens.decode("forged").block()).isInstanceOf(JwtException.class);

        assertThat(verifications).hasValue(2);
    }

    @Test
    void aRememberedTokenExpiresOnTime() {
        AtomicReference<Instant> now = new AtomicReference<>(NOW);
        Clock clock = new Clock() {
            @Override
            public Instant instant() {
                return now.get();
            }

            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }
        };
        VerifiedTokens tokens = new VerifiedTokens(verifier, 100, Duration.ofMinutes(5), Duration.ofSeconds(30), clock);
        tokens.decode("good-1").block();

        now.set(NOW.plusSeconds(89)); // exp + skew not reached yet
        assertThat(tokens.decode("good-1").block()).isNotNull();
        now.set(NOW.plusSeconds(91));
        assertThatThrownBy(() -> tokens.decode("good-1").block()).isInstanceOf(JwtException.class)
                .hasMessageContaining("expired");
        assertThat(verifications).hasValue(1);
    }
}
