package io.surge.ticketing.gateway.web;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * On Kubernetes (detected from the pod's environment) Spring Boot would let Reactor Netty take the client's address
 * from a client-sent {@code Forwarded} / {@code X-Forwarded-For}, trusting anyone: the deny list, the per-IP buckets
 * and the CAPTCHA's IP would be the client's choice. Here the peer (127.0.0.1) is denied and is not a trusted proxy:
 * no header may make it someone else.
 */
@AutoConfigureWebTestClient
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.main.cloud-platform=kubernetes",
        "ticketing.gateway.edge.trusted-proxies=10.0.0.0/8",
        "ticketing.gateway.edge.deny-ips=127.0.0.1",
        "ticketing.service-auth.secret=a-service-secret-of-at-least-32-bytes-for-tests",
        "ticketing.gateway.ratelimit.key-prefix=test:gw:rl:",
        "management.tracing.enabled=false" })
@ActiveProfiles("test")
class ForwardedHeadersIntegrationTests {

    @Autowired
    WebTestClient web;

    @Test
    void aClientCannotChooseItsAddressWithForwardedHeaders() {
        web.get().uri("/api/v1/events/search?q=x").header("Forwarded", "for=198.51.100.7")
                .exchange().expectStatus().isForbidden();
        web.get().uri("/api/v1/events/search?q=x").header("X-Forwarded-For", "198.51.100.7")
                .exchange().expectStatus().isForbidden();
        web.get().uri("/api/v1/events/search?q=x").header("X-Forwarded-Prefix", "/api/v1/admin")
                .header("Forwarded", "for=\"[2001:db8::1]\";proto=https")
                .exchange().expectStatus().isForbidden();
    }
}
