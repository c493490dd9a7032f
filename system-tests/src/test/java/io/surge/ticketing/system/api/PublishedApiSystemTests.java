package io.surge.ticketing.system.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.surge.ticketing.system.Platform;
import io.surge.ticketing.system.Platform.Response;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * What a client developer fetches through the gateway: the descriptions (the same as the committed copies in
 * {@code docs/api}, from which the typed client is generated) and the one Swagger UI over them.
 */
class PublishedApiSystemTests {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final Platform platform = Platform.get();

    @ParameterizedTest
    @ValueSource(strings = {"gateway-service", "waiting-room-service", "catalog-service", "search-service",
            "booking-service", "payment-service"})
    void theGatewayServesTheCommittedDescription(String service) throws IOException {
        Response served = platform.get(path(service), null);

        assertThat(served.status()).isEqualTo(200);
        JsonNode committed = JSON.readTree(Files.readString(platform.root().resolve("docs/api/" + service + ".json")));
        assertThat(served.json())
                .as("docs/api/%s.json differs from what the code serves: run ./ticketing api-docs and commit it", service)
                .isEqualTo(committed);
    }

    @Test
    void theSwaggerUiListsEveryDocumentAndTriesRequestsThroughTheGateway() {
        Response config = platform.get("/v3/api-docs/swagger-config", null);

        assertThat(config.status()).isEqualTo(200);
        List<String> urls = new ArrayList<>();
        config.json().get("urls").forEach(url -> urls.add(url.get("url").asString()));
        assertThat(urls).containsExactly("/v3/api-docs", "/v3/api-docs/search-service",
                "/v3/api-docs/catalog-service", "/v3/api-docs/waiting-room-service", "/v3/api-docs/booking-service",
                "/v3/api-docs/payment-service");
        assertThat(config.json().get("urls.primaryName").asString()).startsWith("1. Start here");
        assertThat(config.json().get("persistAuthorization").asBoolean()).isTrue();
        for (String url : urls) {
            JsonNode document = platform.get(url, null).json();
            assertThat(document.get("servers").get(0).get("url").asString()).as(url).isEqualTo("/");
        }

        Response page = platform.get("/swagger-ui/index.html", null);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.text()).contains("swagger-ui");
        Response initializer = platform.get("/swagger-ui/swagger-initializer.js", null);
        assertThat(initializer.status()).isEqualTo(200);
        assertThat(platform.get("/swagger-ui.html", null).status()).isIn(200, 302);
    }

    @Test
    void theServicesServeNoSwaggerUiOfTheirOwn() throws IOException {
        for (String port : List.of("8081", "8082", "8083", "8084", "8085")) {
            var http = java.net.http.HttpClient.newHttpClient();
            try {
                int status = http.send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://127.0.0.1:" + port + "/swagger-ui/index.html")).build(),
                        java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode();
                assertThat(status).as("port %s", port).isIn(401, 404);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private static String path(String service) {
        return service.equals("gateway-service") ? "/v3/api-docs" : "/v3/api-docs/" + service;
    }

}
