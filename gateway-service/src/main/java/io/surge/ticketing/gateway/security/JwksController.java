package io.surge.ticketing.gateway.security;

import java.util.Map;

import org.springframework.context.annotation.Profile;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import com.nimbusds.jose.jwk.JWKSet;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The local stack's JWKS (public keys only). In prod the identity provider publishes its own. */
@RestController
@Profile("local")
@Tag(name = "identity (local stack)")
class JwksController {

    private final Map<String, Object> publicKeys;

    JwksController(JWKSet localJwkSet) {
        this.publicKeys = localJwkSet.toPublicJWKSet().toJSONObject();
    }

    @Operation(summary = "The public keys that sign local JWTs")
    @GetMapping(path = "/.well-known/jwks.json", produces = "application/json")
    ResponseEntity<Map<String, Object>> jwks() {
        return ResponseEntity.ok().cacheControl(CacheControl.maxAge(java.time.Duration.ofMinutes(5)).cachePublic())
                .body(publicKeys);
    }
}
