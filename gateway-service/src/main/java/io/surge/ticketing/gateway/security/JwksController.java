package io.surge.ticketing.gateway.security;

import java.util.Map;

import org.springframework.context.annotation.Profile;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import com.nimbusds.jose.jwk.JWKSet;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The local stack's JWKS (public keys only). In prod the identity provider publishes its own. */
@RestController
@Profile("local")
@Tag(name = "Identity (local stack)", description = "Tokens for trying the API on the local stack; in production the "
        + "identity provider issues them")
class JwksController {

    private final Map<String, Object> publicKeys;

    JwksController(JWKSet localJwkSet) {
        this.publicKeys = localJwkSet.toPublicJWKSet().toJSONObject();
    }

    @Operation(operationId = "getJwks", summary = "Read the public keys that sign local tokens",
            description = "The local stack's JSON Web Key Set (RFC 7517, public keys only): what a resource server "
                    + "verifies the tokens of `POST /api/v1/auth/token` with. Local stack only; in production the "
                    + "identity provider publishes its own.\n\n"
                    + "Public and cacheable for five minutes; safe to retry.")
    @ApiResponse(responseCode = "200", description = "the key set",
            headers = @Header(name = HttpHeaders.CACHE_CONTROL, description = "public, for five minutes",
                    schema = @Schema(type = "string", example = "max-age=300, public")),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = JwkSetSchema.class)))
    @GetMapping(path = "/.well-known/jwks.json", produces = "application/json")
    ResponseEntity<Map<String, Object>> jwks() {
        return ResponseEntity.ok().cacheControl(CacheControl.maxAge(java.time.Duration.ofMinutes(5)).cachePublic())
                .body(publicKeys);
    }

    /** For the API description only: the key set is nimbus's own JSON ({@link JWKSet#toJSONObject}). */
    @Schema(name = "JwkSet", description = "A JSON Web Key Set (RFC 7517)")
    record JwkSetSchema(
            @Schema(description = "the signing keys in use", requiredMode = Schema.RequiredMode.REQUIRED)
            java.util.List<Jwk> keys) {

        @Schema(description = "An RSA public key (RFC 7517, RFC 7518)")
        record Jwk(
                @Schema(description = "key type", example = "RSA", requiredMode = Schema.RequiredMode.REQUIRED) String kty,
                @Schema(description = "the key's id: a token's header names it in `kid`", example = "local-f38e29c7",
                        requiredMode = Schema.RequiredMode.REQUIRED)
                String kid,
                @Schema(description = "what the key is for", example = "sig") String use,
                @Schema(description = "the algorithm the key signs with", example = "RS256") String alg,
                @Schema(description = "the RSA modulus, base64url", example = "6HfokIRRXWdXRSUdhHUIgI0Jqb...",
                        requiredMode = Schema.RequiredMode.REQUIRED)
                String n,
                @Schema(description = "the RSA public exponent, base64url", example = "AQAB",
                        requiredMode = Schema.RequiredMode.REQUIRED)
                String e) {
        }
    }
}
