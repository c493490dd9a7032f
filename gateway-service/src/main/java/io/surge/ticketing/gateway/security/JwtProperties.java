package io.surge.ticketing.gateway.security;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the gateway trusts JWTs.
 *
 * @param issuer        the only accepted {@code iss}
 * @param audience      the {@code aud} a token must name: a token the same identity provider issued for another
 *                      application is refused
 * @param audienceRequired whether a token without {@code aud} is refused too (true in prod; the local stack, whose
 *                      only issuer is the gateway itself, also accepts hand-made tokens without one)
 * @param types         accepted {@code typ} headers (case-insensitive; a token without one is accepted)
 * @param jwksRefetchInterval the least time between two fetches of the identity provider's JWKS: a token naming an
 *                      unknown {@code kid} does not make the gateway call the provider again before that
 * @param jwkSetUri     the identity provider's JWKS (prod); when blank the gateway trusts its own local key set
 * @param kid           key id of the local key pair
 * @param publicKey     PEM (SPKI) of the local public key: the local JWKS is built from it
 * @param privateKey    PEM (PKCS#8) of the local private key: only the local token endpoint reads it
 * @param clockSkew     tolerance on {@code exp}/{@code nbf}
 * @param localTokenTtl lifetime of tokens minted by the local endpoint
 * @param verifiedTokens   how many verified tokens an instance remembers (each is re-checked for expiry on use)
 * @param verifiedTokenTtl the longest a verified token is remembered (a key withdrawn from the JWKS stops counting
 *                         within this time)
 */
@ConfigurationProperties("ticketing.gateway.jwt")
public record JwtProperties(
        String issuer,
        @DefaultValue("ticketing-api") String audience,
        @DefaultValue("true") boolean audienceRequired,
        @DefaultValue({"JWT", "at+jwt"}) java.util.List<String> types,
        @DefaultValue("30s") Duration jwksRefetchInterval,
        String jwkSetUri,
        String kid,
        Path publicKey,
        Path privateKey,
        @DefaultValue("30s") Duration clockSkew,
        @DefaultValue("1h") Duration localTokenTtl,
        @DefaultValue("20000") long verifiedTokens,
        @DefaultValue("5m") Duration verifiedTokenTtl) {

    boolean usesRemoteJwks() {
        return jwkSetUri != null && !jwkSetUri.isBlank();
    }
}
