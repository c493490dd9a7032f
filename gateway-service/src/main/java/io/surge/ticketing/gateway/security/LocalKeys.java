package io.surge.ticketing.gateway.security;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;

/** Reads the launcher's PEM key files into the shapes Nimbus wants. */
final class LocalKeys {

    private LocalKeys() {
    }

    static JWKSet publicKeySet(Path publicKeyPem, String kid) {
        RSAPublicKey key = (RSAPublicKey) read(publicKeyPem, "PUBLIC KEY", true);
        RSAKey jwk = new RSAKey.Builder(key).keyID(kid).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256).build();
        return new JWKSet(jwk);
    }

    static RSAPrivateKey privateKey(Path privateKeyPem) {
        return (RSAPrivateKey) read(privateKeyPem, "PRIVATE KEY", false);
    }

    private static java.security.Key read(Path pem, String label, boolean isPublic) {
        if (pem == null) {
            throw new IllegalStateException("no " + label.toLowerCase() + " file configured (ticketing.gateway.jwt.*)");
        }
        try {
            String base64 = Files.readString(pem)
                    .replace("-----BEGIN " + label + "-----", "")
                    .replace("-----END " + label + "-----", "")
                    .replaceAll("\\s", "");
            byte[] der = Base64.getDecoder().decode(base64);
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            return isPublic ? rsa.generatePublic(new X509EncodedKeySpec(der)) : rsa.generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (Exception e) {
            throw new IllegalStateException("cannot read " + label.toLowerCase() + " from " + pem, e);
        }
    }
}
