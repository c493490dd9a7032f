package io.surge.ticketing.apidocs;

import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * springdoc settings every service shares, as lowest-precedence defaults:
 * <ul>
 * <li>the description at {@code /v3/api-docs}, in production too (it is the published contract), keys in a stable order (the committed copies in {@code docs/api}
 * diff cleanly);</li>
 * <li>answers and bodies are {@code application/json} unless an operation says otherwise (never {@code *}/{@code *});</li>
 * <li>no "generic" answers copied from exception handlers onto every operation: {@link PublicOperations} adds the
 * refusals each operation really gives;</li>
 * <li>no Swagger UI in the services: the gateway serves the one UI, whose requests go through the gateway.</li>
 * </ul>
 */
public class ApiDescriptionDefaults implements EnvironmentPostProcessor, Ordered {

    static final String SOURCE = "ticketingApiDescriptionDefaults";

    static final Map<String, Object> DEFAULTS = Map.of(
            "springdoc.api-docs.enabled", "true",
            "springdoc.api-docs.path", "/v3/api-docs",
            "springdoc.writer-with-order-by-keys", "true",
            "springdoc.default-produces-media-type", "application/json",
            "springdoc.default-consumes-media-type", "application/json",
            "springdoc.override-with-generic-response", "false",
            "springdoc.show-actuator", "false");

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!environment.getPropertySources().contains(SOURCE)) {
            environment.getPropertySources().addLast(new MapPropertySource(SOURCE, DEFAULTS));
        }
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
