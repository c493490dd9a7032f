package io.surge.ticketing.testsupport.containers;

import org.springframework.core.env.PropertySource;

import io.surge.ticketing.testsupport.Elasticsearch;
import io.surge.ticketing.testsupport.TestInfrastructure;

/**
 * {@code spring.elasticsearch.uris/username/password}, the keys platform-support binds, answered from the
 * Elasticsearch container. Not enumerable, so the container starts only when a context binds those keys.
 */
final class ContainerElasticsearchPropertySource extends PropertySource<Object> {

    private static final String PREFIX = "spring.elasticsearch.";

    ContainerElasticsearchPropertySource() {
        super("ticketingElasticsearchContainer", new Object());
    }

    @Override
    public Object getProperty(String name) {
        if (!name.startsWith(PREFIX)) {
            return null;
        }
        return switch (name.substring(PREFIX.length())) {
            case "uris" -> elasticsearch().url();
            // the container is unsecured: blank out the credentials application.yml may have from the environment
            case "username", "password" -> "";
            default -> null;
        };
    }

    private static Elasticsearch elasticsearch() {
        return TestInfrastructure.elasticsearch();
    }
}
