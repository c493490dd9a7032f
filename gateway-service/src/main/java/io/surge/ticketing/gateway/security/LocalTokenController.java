package io.surge.ticketing.gateway.security;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.springframework.context.annotation.Profile;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import io.surge.ticketing.contracts.ErrorCode;
import io.surge.ticketing.gateway.web.EdgeRefusal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The local stack's token issuer, the HTTP twin of {@code ./ticketing token}: same key, kid, issuer and claims.
 * The bean only exists in the {@code local} profile, so a prod gateway has no way to mint tokens.
 */
@RestController
@Profile("local")
@Tag(name = "identity (local stack)")
class LocalTokenController {

    private static final Pattern USER_ID = Pattern.compile("[A-Za-z0-9._@:-]{1,64}");
    private static final Pattern ROLE = Pattern.compile("[A-Za-z0-9._-]{1,32}");

    private final JwtProperties properties;
    private final RSASSASigner signer;

    LocalTokenController(JwtProperties properties) {
        this.properties = properties;
        this.signer = new RSASSASigner(LocalKeys.privateKey(properties.privateKey()));
    }

    @Operation(summary = "Mint a JWT for a user (local stack only)")
    @PostMapping(path = "/api/v1/auth/token", produces = "application/json")
    Map<String, Object> token(@RequestBody TokenRequest request) {
        if (request.userId() == null || !USER_ID.matcher(request.userId()).matches()) {
            throw new EdgeRefusal(HttpStatus.BAD_REQUEST, ErrorCode.VALIDATION_FAILED,
                    "user_id must be 1-64 characters of [A-Za-z0-9._@:-]");
        }
        List<String> roles = request.roles() == null ? List.of() : request.roles();
        if (roles.size() > 8 || roles.stream().anyMatch(r -> r == null || !ROLE.matcher(r).matches())) {
            throw new EdgeRefusal(HttpStatus.BAD_REQUEST, ErrorCode.VALIDATION_FAILED,
                    "roles must be at most 8 names of [A-Za-z0-9._-]");
        }
        Instant now = Instant.now();
        long ttl = properties.localTokenTtl().toSeconds();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .subject(request.userId())
                .issuer(properties.issuer())
                .audience(properties.audience())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(ttl)))
                .claim("roles", roles)
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256)
                .type(JOSEObjectType.JWT).keyID(properties.kid()).build(), claims);
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign the local token", e);
        }
        return Map.of("access_token", jwt.serialize(), "expires_in", ttl, "token_type", "Bearer");
    }

    record TokenRequest(@JsonProperty("user_id") String userId, List<String> roles) {
    }
}
