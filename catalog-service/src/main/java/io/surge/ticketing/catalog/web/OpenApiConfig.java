package io.surge.ticketing.catalog.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;

@Configuration(proxyBeanMethods = false)
class OpenApiConfig {

    @Bean
    OpenAPI catalogOpenApi() {
        return new OpenAPI().info(new Info().title("catalog-service")
                .description("Venues, seat layouts, events and prices (admin), event details and seat maps (public)")
                .version("v1"));
    }
}
