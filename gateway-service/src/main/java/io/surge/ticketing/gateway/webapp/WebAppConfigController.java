package io.surge.ticketing.gateway.webapp;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Hidden;

/**
 * {@code GET /config.json}: what the web app needs to know about this deployment, decided by the gateway's profile
 * rather than a file baked into the jar, so a prod gateway can never hand the app the local token picker.
 */
@RestController
@Hidden
class WebAppConfigController {

    private final Map<String, Object> config;

    WebAppConfigController(WebAppProperties properties) {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("sign_in", properties.signIn().name());
        if (properties.signIn() == WebAppProperties.SignIn.oidc) {
            WebAppProperties.Oidc oidc = properties.oidc();
            Map<String, Object> provider = new LinkedHashMap<>();
            provider.put("issuer", oidc.issuer());
            provider.put("client_id", oidc.clientId());
            provider.put("scope", oidc.scope());
            if (oidc.audience() != null && !oidc.audience().isBlank()) {
                provider.put("audience", oidc.audience());
            }
            config.put("oidc", provider);
        }
        this.config = Map.copyOf(config);
    }

    @GetMapping(path = "/config.json", produces = "application/json")
    ResponseEntity<Map<String, Object>> config() {
        return ResponseEntity.ok().cacheControl(CacheControl.noCache()).body(config);
    }
}
