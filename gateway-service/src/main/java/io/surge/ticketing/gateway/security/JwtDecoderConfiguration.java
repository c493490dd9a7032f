package io.surge.ticketing.gateway.security;

import java.time.Clock;
import java.util.Objects;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;

import reactor.core.publisher.Flux;

/**
 * The JWT decoder accepts RS256 only: {@code alg=none}, HS256 signed with the public key (RS/HS confusion) and
 * keys we do not know (unknown {@code kid}) all fail before any claim is trusted. Then {@code exp} must be
 * present and in the future, {@code iss} must be ours and {@code sub} must exist.
 * <p>
 * In prod the keys come from the identity provider's JWKS ({@code ticketing.jwt.jwk-set-uri}). Locally the
 * gateway is its own issuer, so it verifies against the very key set its JWKS endpoint publishes, rather than
 * calling itself over HTTP. A token that passed is remembered for a while ({@link VerifiedTokens}).
 */
@Configuration(proxyBeanMethods = false)
class JwtDecoderConfiguration {

    @Bean
    ReactiveJwtDecoder jwtDecoder(JwtProperties properties) {
        return new VerifiedTokens(verifier(properties), properties.verifiedTokens(), properties.verifiedTokenTtl(),
                properties.clockSkew(), Clock.systemUTC());
    }

    private static ReactiveJwtDecoder verifier(JwtProperties properties) {
        NimbusReactiveJwtDecoder decoder;
        if (properties.usesRemoteJwks()) {
            decoder = NimbusReactiveJwtDecoder.withJwkSetUri(properties.jwkSetUri())
                    .jwsAlgorithm(SignatureAlgorithm.RS256)
                    .build();
        } else {
            JWKSet keys = LocalKeys.publicKeySet(properties.publicKey(), properties.kid());
            decoder = NimbusReactiveJwtDecoder.withJwkSource(jwt -> Flux.fromIterable(
                            new JWKSelector(JWKMatcher.forJWSHeader(jwt.getHeader())).select(keys)))
                    .jwsAlgorithm(SignatureAlgorithm.RS256)
                    .build();
        }
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<Jwt>(
                new JwtTimestampValidator(properties.clockSkew()),
                new JwtClaimValidator<Object>(JwtClaimNames.EXP, Objects::nonNull),
                new JwtClaimValidator<String>(JwtClaimNames.SUB, sub -> sub != null && !sub.isBlank()),
                new JwtIssuerValidator(Objects.requireNonNull(properties.issuer(), "ticketing.jwt.issuer"))));
        return decoder;
    }

    @Bean
    JWKSet localJwkSet(JwtProperties properties) {
        return properties.usesRemoteJwks() ? new JWKSet() : LocalKeys.publicKeySet(properties.publicKey(), properties.kid());
    }
}
