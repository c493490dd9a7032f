package io.surge.ticketing.gateway.docs;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One Swagger UI over every service: {@code GET /v3/api-docs/<service>} is that service's own springdoc
 * description (generated from its code, so it cannot drift). Only that one path of each service is exposed.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocsRoutes {

    @Bean
    RouteLocator serviceApiDocsRoutes(RouteLocatorBuilder builder, ApiDocsProperties properties) {
        RouteLocatorBuilder.Builder routes = builder.routes();
        properties.services().forEach((service, baseUrl) -> routes.route("api-docs-" + service, r -> r
                .order(20)
                .method("GET").and().path("/v3/api-docs/" + service)
                .filters(f -> f.setPath("/v3/api-docs"))
                .uri(baseUrl)));
        return routes.build();
    }

    /** @param services service name -> base URL */
    @ConfigurationProperties("ticketing.gateway.api-docs")
    record ApiDocsProperties(Map<String, String> services) {
        ApiDocsProperties {
            services = services == null ? Map.of() : services;
        }
    }
}
