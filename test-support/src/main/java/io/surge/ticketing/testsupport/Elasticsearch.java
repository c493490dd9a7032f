package io.surge.ticketing.testsupport;

/**
 * An Elasticsearch 8.19 node. {@link ElasticsearchRestClients} opens a low-level REST client on it.
 *
 * @param url e.g. {@code http://127.0.0.1:9200}
 * @param username {@code null} for an unsecured node (the launcher's and the container)
 */
public record Elasticsearch(String url, String username, String password) {

    @Override
    public String toString() {
        return "Elasticsearch[" + url + (username == null ? "" : " as " + username) + "]";
    }
}
