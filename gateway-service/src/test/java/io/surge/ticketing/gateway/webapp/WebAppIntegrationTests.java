package io.surge.ticketing.gateway.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The fan's web app from the gateway's own origin: {@code /} is its page, with a policy that runs this origin's
 * scripts only, and the API behind it keeps every protection. Needs the local stack's Redis and JWT key files (from
 * the environment), like the other integration tests.
 */
@AutoConfigureWebTestClient
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class WebAppIntegrationTests {

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("ticketing.gateway.ratelimit.key-prefix", () -> "test:gw:rl:");
        registry.add("management.tracing.enabled", () -> "false");
        registry.add("ticketing.service-auth.secret", () -> "a-service-secret-of-at-least-32-bytes-for-tests");
    }

    @Autowired
    WebTestClient web;

    private WebTestClient client() {
        return web.mutate().responseTimeout(Duration.ofSeconds(20)).build();
    }

    @Test
    void theRootServesTheAppsPageWithoutASignInAndWithItsContentSecurityPolicy() {
        String page = client().get().uri("/").exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectHeader().valueEquals("Content-Security-Policy", WebAppHeadersFilter.policy(
                        new WebAppProperties(WebAppProperties.SignIn.local, null, java.util.List.of())))
                .expectHeader().valueEquals("Cache-Control", "no-cache")
                .expectBody(String.class).returnResult().getResponseBody();

        assertThat(page).contains("<script type=\"module\" src=\"/assets/js/main.js\"></script>", "id=\"main\"",
                "aria-live=\"polite\"");
        // no inline script and nothing from another origin: the policy would refuse it
        assertThat(page).doesNotContainPattern("<script(?![^>]*\\ssrc=\"/)").doesNotContain("http://", "https://");
    }

    @Test
    void theAppsScriptsStylesAndConfigAreServedWithThePolicy() {
        client().get().uri("/assets/js/main.js").exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith("text/javascript")
                .expectHeader().exists("Content-Security-Policy");
        client().get().uri("/assets/css/app.css").exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith("text/css");
        client().get().uri("/config.json").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.sign_in").isEqualTo("local");
    }

    @Test
    void theApiKeepsItsProtectionsAndItsOwnHeaders() {
        client().get().uri("/api/v1/bookings").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().doesNotExist("Content-Security-Policy");
        client().get().uri("/api/v1/admin/events/1/sales").exchange()
                .expectStatus().isUnauthorized();
        // a path that is neither the app nor a public API is not opened by the app's rules
        client().get().uri("/internal/anything").exchange()
                .expectStatus().isUnauthorized();
        // the app's files are read-only
        client().post().uri("/index.html").exchange()
                .expectStatus().isUnauthorized();
    }
}
