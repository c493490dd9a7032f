package io.surge.ticketing.apidocs;

import java.util.List;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;

import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.core.util.Json31;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.servers.Server;

/** Every service's part of the public API, described the same way (see {@link PublicApiComponents}). */
@AutoConfiguration
@ConditionalOnClass(name = "org.springdoc.core.customizers.GlobalOpenApiCustomizer")
@EnableConfigurationProperties(ApiDescriptionProperties.class)
public class ApiDescriptionAutoConfiguration {

    /** Title, version and the server: a description that names its server keeps it (springdoc's own guess is the port it was fetched from). */
    @Bean
    @ConditionalOnMissingBean
    OpenAPI ticketingOpenApi(ApiDescriptionProperties properties) {
        return new OpenAPI()
                .info(new Info().title(properties.title()).version(properties.version())
                        .description(properties.description()))
                .servers(List.of(new Server().url(properties.serverUrl()).description(properties.serverDescription())));
    }

    /**
     * Member names as on the wire. springdoc reads records with its own (Jackson 2) mapper, which does not know the
     * service's {@code spring.jackson.property-naming-strategy}; without this a client would send {@code eventId}.
     */
    @Bean
    @ConditionalOnProperty(name = "spring.jackson.property-naming-strategy", havingValue = "SNAKE_CASE")
    ModelResolver ticketingSnakeCaseModelResolver() {
        return new ModelResolver(Json31.mapper().copy().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE))
                .openapi31(true);
    }

    @Bean
    PublicApiComponents ticketingPublicApiComponents() {
        return new PublicApiComponents();
    }

    @Bean
    PublicOperations ticketingPublicOperations() {
        return new PublicOperations();
    }
}
