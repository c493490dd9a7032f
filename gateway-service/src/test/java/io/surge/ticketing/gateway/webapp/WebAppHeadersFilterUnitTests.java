package io.surge.ticketing.gateway.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class WebAppHeadersFilterUnitTests {

    @Test
    void locallyTheAppMayCallItsOwnOriginOnly() {
        String policy = WebAppHeadersFilter.policy(new WebAppProperties(WebAppProperties.SignIn.local,
                new WebAppProperties.Oidc("https://id.example.com/realms/fans", "web", "openid", null), List.of()));

        assertThat(policy).contains("script-src 'self';", "style-src 'self';", "connect-src 'self';",
                "frame-ancestors 'none'", "img-src 'self' blob: data:").doesNotContain("unsafe-inline", "unsafe-eval");
    }

    @Test
    void withAnIdentityProviderTheAppMayCallItsOriginForTheTokenExchange() {
        String policy = WebAppHeadersFilter.policy(new WebAppProperties(WebAppProperties.SignIn.oidc,
                new WebAppProperties.Oidc("https://id.example.com:8443/realms/fans", "web", "openid", null),
                List.of("https://tokens.example.com")));

        assertThat(policy).contains("connect-src 'self' https://id.example.com:8443 https://tokens.example.com;")
                .contains("script-src 'self';");
    }
}
