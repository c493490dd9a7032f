package io.surge.ticketing.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import io.surge.ticketing.invariants.LocalStack;

/**
 * The identity provider's side of a fan's login, played by the simulation: an RS256 JWT signed with the key the
 * gateway trusts (the local stack's {@code TICKETING_JWT_PRIVATE_KEY}, with its kid and issuer). In production
 * fans get their tokens from the IdP, not from our gateway, so a surge's logins cost the platform nothing; the
 * local token endpoint is the fallback ({@code -Dtokens=endpoint}) when no key is at hand.
 */
final class FanTokens {

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private final PrivateKey key;
    private final String kid;
    private final String issuer;

    private FanTokens(PrivateKey key, String kid, String issuer) {
        this.key = key;
        this.kid = kid;
        this.issuer = issuer;
    }

    /** The local stack's signer, or null when its key is not available (tokens then come from the endpoint). */
    static FanTokens fromLocalStack(LocalStack stack) {
        String keyFile = stack.get("TICKETING_JWT_PRIVATE_KEY", null);
        if ("endpoint".equals(System.getProperty("tokens")) || keyFile == null || !Files.isReadable(Path.of(keyFile))) {
            return null;
        }
        return new FanTokens(readKey(Path.of(keyFile)), stack.require("TICKETING_JWT_KID"),
                stack.require("TICKETING_JWT_ISSUER"));
    }

    String mint(String userId) {
        long now = Instant.now().getEpochSecond();
        String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"" + kid + "\"}";
        String claims = "{\"sub\":\"" + userId + "\",\"iss\":\"" + issuer + "\",\"iat\":" + now + ",\"exp\":"
                + (now + 3_600) + ",\"roles\":[]}";
        String signingInput = B64.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "."
                + B64.encodeToString(claims.getBytes(StandardCharsets.UTF_8));
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(key);
            signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + B64.encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign a fan's token", e);
        }
    }

    private static PrivateKey readKey(Path pem) {
        try {
            String base64 = Files.readString(pem).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + pem, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(pem + " is not a PKCS#8 RSA private key", e);
        }
    }
}
