package io.surge.ticketing.platform.elasticsearch;

import java.io.InputStream;
import java.util.Map;

import org.elasticsearch.client.Request;
import org.elasticsearch.client.Response;
import org.elasticsearch.client.RestClient;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * UP while the cluster's health is green or yellow (a single node has yellow indices), DOWN when it is red or
 * unreachable. Asks {@code /_cluster/health}: the integration-test distribution answers 405 on {@code GET /}.
 */
public class ElasticsearchHealthIndicator extends AbstractHealthIndicator {

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private final RestClient client;

    public ElasticsearchHealthIndicator(RestClient client) {
        super("Elasticsearch health check failed");
        this.client = client;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) throws Exception {
        Response response = client.performRequest(new Request("GET", "/_cluster/health"));
        int status = response.getStatusLine().getStatusCode();
        if (status != 200) {
            builder.down().withDetail("statusCode", status);
            return;
        }
        Map<String, Object> body;
        try (InputStream in = response.getEntity().getContent()) {
            body = JSON.readValue(in, new TypeReference<Map<String, Object>>() { });
        }
        String cluster = String.valueOf(body.get("status"));
        if ("red".equals(cluster)) {
            builder.down();
        } else {
            builder.up();
        }
        builder.withDetails(body);
    }
}
