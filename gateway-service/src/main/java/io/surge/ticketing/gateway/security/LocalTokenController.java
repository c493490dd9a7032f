package io.surge.ticketing.gateway.security;

import java.time.Instant;
import java.util.Date;
import java.util.List;
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
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The local stack's token issuer, the HTTP twin of {@code ./ticketing token}: same key, kid, issuer and claims.
 * The bean only exists in the {@code local} profile, so a prod gateway has no way to mint tokens.
 */
@RestController
@Profile("local")
@Tag(name = "Identity (local stack)", description = "Tokens for trying the API on the local stack; in production the "
        + "identity provider issues them")
class LocalTokenController {

    private static final Pattern USER_ID = Pattern.compile("[A-Za-z0-9._@:-]{1,64}");
    private static final Pattern ROLE = Pattern.compile("[A-Za-z0-9._-]{1,32}");

    private final JwtProperties properties;
    private final RSASSASigner signer;

    LocalTokenController(JwtProperties properties) {
        this.properties = properties;
        this.signer = new RSASSASigner(LocalKeys.privateKey(properties.privateKey()));
    }

    @Operation(operationId = "issueLocalToken", summary = "Issue a bearer token for a user (local stack only)",
            description = "Mints an RS256 JWT for `user_id` with the given roles, signed with the local stack's key "
                    + "(the same token `./ticketing token <user-id>` prints). Paste `access_token` into *Authorize* "
                    + "(bearer) to try the other operations; `[\"admin\"]` opens the admin operations, `[\"scanner\"]` "
                    + "the door scans. This operation exists only on the local stack: a production gateway answers "
                    + "404, and there the identity provider issues tokens.\n\n"
                    + "Needs no credential. Each call issues a new token, valid for `expires_in` seconds (an hour by "
                    + "default); a retry is safe.")
    @ApiResponse(responseCode = "200", description = "the token")
    @PostMapping(path = "/api/v1/auth/token", produces = "application/json")
    TokenAnswer token(@RequestBody TokenRequest request) {
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
        return new TokenAnswer(jwt.serialize(), ttl, "Bearer");
    }

    @Schema(description = "Who the token names, and its roles")
    record TokenRequest(
            @Schema(description = "the user the token names (its `sub`): 1-64 characters of [A-Za-z0-9._@:-]",
                    example = "u-1", requiredMode = Schema.RequiredMode.REQUIRED)
            @JsonProperty("user_id") String userId,
            @Schema(description = "at most 8 roles of [A-Za-z0-9._-]: `admin` for the admin operations, `scanner` for "
                    + "door scans; none for a fan", example = "[]")
            List<String> roles) {
    }

    @Schema(description = "A bearer token (OAuth 2 token response members)")
    record TokenAnswer(
            @Schema(description = "the JWT: send it as `Authorization: Bearer <access_token>`",
                    example = "eyJraWQiOiJsb2NhbC1mMzhlMjljNyIsInR5cCI6IkpXVCIsImFsZyI6IlJTMjU2In0.eyJzdWIiOiJ1LTEifQ.c2ln",
                    requiredMode = Schema.RequiredMode.REQUIRED)
            @JsonProperty("access_token") String accessToken,
            @Schema(description = "seconds until the token expires", example = "3600",
                    requiredMode = Schema.RequiredMode.REQUIRED)
            @JsonProperty("expires_in") long expiresIn,
            @Schema(description = "always Bearer", example = "Bearer", requiredMode = Schema.RequiredMode.REQUIRED)
            @JsonProperty("token_type") String tokenType) {
    }
}
