package io.surge.ticketing.gateway.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.core.OAuth2Error;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import reactor.core.publisher.Mono;

/**
 * Remembers tokens that passed the full verification (signature, algorithm, key, issuer, subject, expiry), so a fan
 * polling with the same token pays the RSA verification once, not on every request (in a surge it was a tenth of the
 * gateway's CPU). A remembered token is re-checked for expiry on every use and forgotten after {@code ttl} at most,
 * so a key withdrawn from the identity provider's JWKS stops being honoured within that time. A token that failed is
 * never remembered: it is verified (and refused) again every time.
 */
final class VerifiedTokens implements ReactiveJwtDecoder {

    private final ReactiveJwtDecoder verifier;
    private final Cache<String, Jwt> verified;
    private final Duration clockSkew;
    private final Clock clock;

    VerifiedTokens(ReactiveJwtDecoder verifier, long maxTokens, Duration ttl, Duration clockSkew, Clock clock) {
        this.verifier = verifier;
        this.verified = Caffeine.newBuilder().maximumSize(maxTokens).expireAfterWrite(ttl).build();
        this.clockSkew = clockSkew;
        this.clock = clock;
    }

    @Override
    public Mono<Jwt> decode(String token) {
        Jwt known = verified.getIfPresent(token);
        if (known != null) {
            Instant expiresAt = known.getExpiresAt();
            if (expiresAt != null && Instant.now(clock).minus(clockSkew).isBefore(expiresAt)) {
                return Mono.just(known);
            }
            verified.invalidate(token);
            return Mono.error(new JwtValidationException("the token has expired",
                    java.util.List.of(new OAuth2Error("invalid_token", "Jwt expired at " + expiresAt, null))));
        }
        return verifier.decode(token).doOnNext(jwt -> verified.put(token, jwt));
    }
}
