package io.surge.ticketing.testsupport;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.apache.http.HttpHost;
import org.apache.http.message.BasicHeader;
import org.elasticsearch.client.RestClient;

/**
 * A low-level Elasticsearch REST client on {@link TestInfrastructure#elasticsearch()} (the 8.19 client the platform
 * uses). Needs {@code elasticsearch-rest-client} on the test classpath (the service's own).
 */
public final class ElasticsearchRestClients {

    private ElasticsearchRestClients() {
    }

    /** A client on the node, with basic authentication where it has a user; the caller closes it. */
    public static RestClient open() {
        Elasticsearch node = TestInfrastructure.elasticsearch();
        var builder = RestClient.builder(HttpHost.create(node.url()));
        if (node.username() != null) {
            String credentials = node.username() + ":" + (node.password() == null ? "" : node.password());
            builder.setDefaultHeaders(new BasicHeader[] {new BasicHeader("Authorization",
                    "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)))});
        }
        return builder.build();
    }
}
