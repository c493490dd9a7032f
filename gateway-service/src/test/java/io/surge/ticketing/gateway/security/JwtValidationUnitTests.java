package io.surge.ticketing.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.reactive.function.client.WebClient;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;

/** What the decoder checks besides the signature: aud, typ, and how often it asks the provider for keys. */
class JwtValidationUnitTests {

    private static JwtProperties properties(boolean audienceRequired) {
        return new JwtProperties("https://issuer.test", "ticketing-api", audienceRequired, List.of("JWT", "at+jwt"),
                Duration.ofSeconds(30), null, null, (Path) null, null, Duration.ofSeconds(30), Duration.ofHours(1),
                100, Duration.ofMinutes(5));
    }

    private static Jwt token(Consumer<Jwt.Builder> more) {
        Jwt.Builder builder = Jwt.withTokenValue("t").header("alg", "RS256").subject("u-1").issuer("https://issuer.test")
                .issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(60));
        more.accept(builder);
        return builder.build();
    }

    @Test
    void aTokenForAnotherApplicationIsRefused() {
        OAuth2TokenValidator<Jwt> validator = JwtDecoderConfiguration.validator(properties(true));

        assertThat(validator.validate(token(t -> t.audience(List.of("other-app")))).hasErrors()).isTrue();
        assertThat(validator.validate(token(t -> { })).hasErrors()).as("no aud, where it is required").isTrue();
        assertThat(validator.validate(token(t -> t.audience(List.of("other-app", "ticketing-api")))).hasErrors()).isFalse();
    }

    @Test
    void withoutARequiredAudienceATokenWithoutOneIsAcceptedButNotOneForOthers() {
        OAuth2TokenValidator<Jwt> validator = JwtDecoderConfiguration.validator(properties(false));

        assertThat(validator.validate(token(t -> { })).hasErrors()).isFalse();
        assertThat(validator.validate(token(t -> t.audience(List.of("other-app")))).hasErrors()).isTrue();
    }

    @Test
    void onlyAccessTokenTypesPass() {
        OAuth2TokenValidator<Jwt> validator = JwtDecoderConfiguration.validator(properties(false));

        assertThat(validator.validate(token(t -> t.header("typ", "JWT"))).hasErrors()).isFalse();
        assertThat(validator.validate(token(t -> t.header("typ", "at+jwt"))).hasErrors()).isFalse();
        assertThat(validator.validate(token(t -> t.header("typ", "application/at+jwt"))).hasErrors()).isFalse();
        assertThat(validator.validate(token(t -> t.header("typ", "logout+jwt"))).hasErrors()).isTrue();
        assertThat(validator.validate(token(t -> t.header("typ", "dpop+jwt"))).hasErrors()).isTrue();
    }

    @Test
    void unknownKeyIdsDoNotMakeTheGatewayFetchTheKeySetEachTime() throws Exception {
        var generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        RSAKey key = new RSAKey.Builder((RSAPublicKey) generator.generateKeyPair().getPublic()).keyID("k1").build();
        AtomicInteger fetches = new AtomicInteger();
        HttpServer idp = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        idp.createContext("/jwks", exchange -> {
            fetches.incrementAndGet();
            byte[] body = new JWKSet(key).toString().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        idp.start();
        try {
            RemoteJwks jwks = new RemoteJwks(WebClient.create(), "http://127.0.0.1:" + idp.getAddress().getPort() + "/jwks",
                    Duration.ofMinutes(1), Clock.systemUTC());

            assertThat(jwks.apply(signedWithKid("k1")).collectList().block()).hasSize(1);
            for (int i = 0; i < 100; i++) {
                assertThat(jwks.apply(signedWithKid(UUID.randomUUID().toString())).collectList().block()).isEmpty();
            }
            assertThat(jwks.apply(signedWithKid("k1")).collectList().block()).hasSize(1);
            assertThat(fetches.get()).as("JWKS requests for 102 tokens, 100 of them with made-up kids").isLessThanOrEqualTo(2);
        } finally {
            idp.stop(0);
        }
    }

    private static SignedJWT signedWithKid(String kid) {
        return new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT).keyID(kid).build(),
                new JWTClaimsSet.Builder().subject("u").claim("x", Map.of()).build());
    }
}
