package io.surge.ticketing.gateway.webapp;

import java.net.URI;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The fan's web app the gateway serves from {@code classpath:/static/}: how it signs people in.
 *
 * @param signIn         {@code local}: the local stack's user picker ({@code POST /api/v1/auth/token}); {@code oidc}:
 *                       the identity provider, authorization code with PKCE (never the picker)
 * @param oidc           the identity provider, for {@code oidc}
 * @param connectSources origins the app may call besides its own (the identity provider's token endpoint when it is
 *                       not on the issuer's origin); the issuer's origin is always allowed in {@code oidc}
 */
@ConfigurationProperties("ticketing.gateway.web-app")
public record WebAppProperties(
        @DefaultValue("oidc") SignIn signIn,
        @DefaultValue Oidc oidc,
        @DefaultValue List<String> connectSources) {

    public enum SignIn { local, oidc }

    /**
     * @param issuer   the provider's issuer URL (its discovery document is {@code <issuer>/.well-known/openid-configuration})
     * @param clientId the app's public client id (no secret: PKCE)
     * @param scope    scopes asked for
     * @param audience the API's audience, for providers that need it named in the authorization request
     */
    public record Oidc(String issuer, String clientId, @DefaultValue("openid profile") String scope, String audience) {

        String issuerOrigin() {
            if (issuer == null || issuer.isBlank()) {
                return null;
            }
            URI uri = URI.create(issuer);
            return uri.getScheme() + "://" + uri.getRawAuthority();
        }
    }
}
