package io.surge.ticketing.gateway.security;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Stream;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtTypeValidator;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.web.reactive.function.client.WebClient;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;

import reactor.core.publisher.Flux;

/**
 * The JWT decoder accepts RS256 only: {@code alg=none}, HS256 signed with the public key (RS/HS confusion) and
 * keys we do not know (unknown {@code kid}) all fail before any claim is trusted. Then {@code exp} must be
 * present and in the future, {@code iss} must be ours, {@code aud} must name this API (a token the identity provider
 * issued for another application is refused), {@code typ}, when present, must be an access token's, and {@code sub}
 * must exist. The provider's JWKS is fetched again for an unknown {@code kid} at most once per interval
 * ({@link RemoteJwks}).
 * <p>
 * In prod the keys come from the identity provider's JWKS ({@code ticketing.gateway.jwt.jwk-set-uri}). Locally the
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
        Function<SignedJWT, Flux<JWK>> keySource;
        if (properties.usesRemoteJwks()) {
            keySource = new RemoteJwks(WebClient.create(), properties.jwkSetUri(), properties.jwksRefetchInterval(),
                    Clock.systemUTC());
        } else {
            JWKSet keys = LocalKeys.publicKeySet(properties.publicKey(), properties.kid());
            keySource = jwt -> Flux.fromIterable(new JWKSelector(JWKMatcher.forJWSHeader(jwt.getHeader())).select(keys));
        }
        NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withJwkSource(keySource)
                .jwsAlgorithm(SignatureAlgorithm.RS256)
                .validateType(false) // the typ header is checked below, with the types we accept
                .build();
        decoder.setJwtValidator(validator(properties));
        return decoder;
    }

    static OAuth2TokenValidator<Jwt> validator(JwtProperties properties) {
        JwtTypeValidator types = new JwtTypeValidator(properties.types().stream()
                .flatMap(type -> Stream.of(type, type.toLowerCase(Locale.ROOT), type.toUpperCase(Locale.ROOT),
                        "application/" + type.toLowerCase(Locale.ROOT)))
                .distinct().toList());
        types.setAllowEmpty(true);
        String audience = Objects.requireNonNull(properties.audience(), "ticketing.gateway.jwt.audience");
        return new DelegatingOAuth2TokenValidator<Jwt>(
                new JwtTimestampValidator(properties.clockSkew()),
                new JwtClaimValidator<Object>(JwtClaimNames.EXP, Objects::nonNull),
                new JwtClaimValidator<String>(JwtClaimNames.SUB, sub -> sub != null && !sub.isBlank()),
                new JwtIssuerValidator(Objects.requireNonNull(properties.issuer(), "ticketing.gateway.jwt.issuer")),
                types,
                jwt -> {
                    List<String> aud = jwt.getAudience();
                    boolean ok = aud == null || aud.isEmpty() ? !properties.audienceRequired() : aud.contains(audience);
                    return ok ? OAuth2TokenValidatorResult.success() : OAuth2TokenValidatorResult.failure(new OAuth2Error(
                            "invalid_token", "the token is not meant for this API (aud)", null));
                });
    }

    @Bean
    JWKSet localJwkSet(JwtProperties properties) {
        return properties.usesRemoteJwks() ? new JWKSet() : LocalKeys.publicKeySet(properties.publicKey(), properties.kid());
    }
}
