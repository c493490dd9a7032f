package io.surge.ticketing.platform.elasticsearch;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the Elasticsearch 8.19 cluster is and how long to wait for it. These are the {@code spring.elasticsearch}
 * keys Spring Boot 3 read; Boot 4 configures only 9.x clients, which refuse an 8.x server, so the platform binds
 * them itself. {@code username}/{@code password} are optional (unset for an unsecured cluster).
 */
@ConfigurationProperties("spring.elasticsearch")
public record ElasticsearchSettings(
        @DefaultValue("http://127.0.0.1:9200") List<URI> uris,
        @DefaultValue("1s") Duration connectionTimeout,
        @DefaultValue("30s") Duration socketTimeout,
        String username,
        String password) {

    public ElasticsearchSettings {
        if (uris.isEmpty()) {
            throw new IllegalArgumentException("spring.elasticsearch.uris: at least one address is needed");
        }
    }

    boolean hasCredentials() {
        return username != null && !username.isBlank();
    }
}
