package io.surge.ticketing.chaos;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.surge.ticketing.contracts.admission.AdmissionToken;
import io.surge.ticketing.contracts.admission.AdmissionTokenCodec;
import io.surge.ticketing.invariants.LocalStack;

/**
 * Who the chaos run's clients are: JWTs signed with the local stack's key (as {@code ./ticketing token} does), and
 * the forgeries an attacker would try (alg none, HS256 keyed with the public key, a key of their own, expired,
 * not yet valid, another issuer or audience); admission tokens for the probes.
 */
final class Identity {

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private final PrivateKey key;
    private final byte[] publicKeyPem;
    private final String kid;
    private final String issuer;
    private final String audience;
    private final AdmissionTokenCodec admission;

    Identity(LocalStack stack) {
        try {
            this.key = privateKey(Files.readString(Path.of(stack.require("TICKETING_JWT_PRIVATE_KEY"))));
            this.publicKeyPem = Files.readAllBytes(Path.of(stack.require("TICKETING_JWT_PUBLIC_KEY")));
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot read the local JWT keys", e);
        }
        this.kid = stack.require("TICKETING_JWT_KID");
        this.issuer = stack.require("TICKETING_JWT_ISSUER");
        this.audience = stack.get("TICKETING_JWT_AUDIENCE", "ticketing-api");
        this.admission = AdmissionTokenCodec.fromSecret(stack.require("TICKETING_ADMISSION_SECRET"), Clock.systemUTC());
    }

    String token(String userId, String... roles) {
        return rs256(header("RS256"), claims(userId, List.of(roles)), key);
    }

    String admissionToken(String userId, long eventId) {
        Instant now = Instant.now();
        return admission.encode(new AdmissionToken(userId, eventId, now, now.plus(Duration.ofMinutes(15)),
                UUID.randomUUID().toString()));
    }

    String expiredAdmissionToken(String userId, long eventId) {
        Instant now = Instant.now();
        return admission.encode(new AdmissionToken(userId, eventId, now.minusSeconds(1200), now.minusSeconds(300),
                UUID.randomUUID().toString()));
    }

    /** Forged or unfit JWTs, by name; every one must be refused with 401. */
    Map<String, String> forgeries(String userId) {
        Map<String, String> forged = new LinkedHashMap<>();
        Map<String, Object> claims = claims(userId, List.of("admin"));
        forged.put("alg=none", encode(Map.of("alg", "none", "typ", "JWT", "kid", kid)) + "." + encode(claims) + ".");
        forged.put("HS256 keyed with the RSA public key", hs256(Map.of("alg", "HS256", "typ", "JWT", "kid", kid), claims,
                publicKeyPem));
        forged.put("signed with a foreign RSA key", rs256(header("RS256"), claims, foreignKey()));
        forged.put("expired", rs256(header("RS256"), with(claims, "exp", Instant.now().minusSeconds(600).getEpochSecond()), key));
        forged.put("not yet valid (nbf)", rs256(header("RS256"), with(claims, "nbf", Instant.now().plusSeconds(600).getEpochSecond()), key));
        forged.put("another issuer", rs256(header("RS256"), with(claims, "iss", "https://evil.example"), key));
        forged.put("another audience", rs256(header("RS256"), with(claims, "aud", List.of("another-app")), key));
        forged.put("no exp", rs256(header("RS256"), without(claims, "exp"), key));
        forged.put("signature of another token", token(userId).substring(0, token(userId).lastIndexOf('.'))
                + token("someone-else").substring(token("someone-else").lastIndexOf('.')));
        forged.put("garbage", "not.a.jwt");
        return forged;
    }

    private Map<String, Object> header(String alg) {
        return Map.of("alg", alg, "typ", "JWT", "kid", kid);
    }

    private Map<String, Object> claims(String userId, List<String> roles) {
        Map<String, Object> claims = new LinkedHashMap<>();
        long now = Instant.now().getEpochSecond();
        claims.put("sub", userId);
        claims.put("iss", issuer);
        claims.put("aud", List.of(audience));
        claims.put("iat", now);
        claims.put("exp", now + 3600);
        claims.put("roles", roles);
        return claims;
    }

    private static Map<String, Object> with(Map<String, Object> claims, String name, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(claims);
        copy.put(name, value);
        return copy;
    }

    private static Map<String, Object> without(Map<String, Object> claims, String name) {
        Map<String, Object> copy = new LinkedHashMap<>(claims);
        copy.remove(name);
        return copy;
    }

    private static String encode(Object json) {
        return B64.encodeToString(Gateway.JSON.writeValueAsBytes(json));
    }

    private static String rs256(Map<String, Object> header, Map<String, Object> claims, PrivateKey key) {
        String input = encode(header) + "." + encode(claims);
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(key);
            signature.update(input.getBytes(StandardCharsets.US_ASCII));
            return input + "." + B64.encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String hs256(Map<String, Object> header, Map<String, Object> claims, byte[] secret) {
        String input = encode(header) + "." + encode(claims);
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return input + "." + B64.encodeToString(mac.doFinal(input.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static PrivateKey foreignKey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair().getPrivate();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static PrivateKey privateKey(String pem) {
        String base64 = pem.replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").replaceAll("\\s", "");
        try {
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
