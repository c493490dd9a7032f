package io.surge.ticketing.cdc.index;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.apache.http.entity.ContentType;
import org.apache.http.nio.entity.NStringEntity;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.ResponseException;
import org.elasticsearch.client.RestClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The events index: mapping in {@code search/events-index.json} (the one place it is written down), created
 * idempotently by the writer (this connector) as a concrete versioned index behind a read alias. The mapping
 * uses only what the stripped integ-test build has (standard analyzer, lowercase normalizer, core types), so it
 * is the same on a full server.
 */
public class SearchIndex {

    private static final Logger log = LoggerFactory.getLogger(SearchIndex.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final RestClient es;
    private final String index;
    private final String alias;

    public SearchIndex(RestClient es, String index, String alias) {
        this.es = es;
        this.index = index;
        this.alias = alias;
    }

    public String index() {
        return index;
    }

    public String alias() {
        return alias;
    }

    public static String mappingJson() {
        try (InputStream in = SearchIndex.class.getResourceAsStream("/search/events-index.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("events-index.json is missing", e);
        }
    }

    /** Creates the index with its alias unless it exists; safe to call from several writers at once. */
    public void ensureExists() throws IOException {
        if (exists()) {
            applyDynamicSettings();
            return;
        }
        ObjectNode body = (ObjectNode) JSON.readTree(mappingJson());
        body.putObject("aliases").putObject(alias);
        Request create = new Request("PUT", "/" + index);
        create.setEntity(new NStringEntity(body.toString(), ContentType.APPLICATION_JSON));
        try {
            es.performRequest(create);
            log.info("created index {} with alias {}", index, alias);
        } catch (ResponseException e) {
            if (!e.getMessage().contains("resource_already_exists_exception")) {
                throw e;
            }
        }
    }

    /**
     * Dynamic settings (the refresh interval: 250 ms, it bounds how soon a change is searchable) follow the mapping
     * file on every start, also for an index created by an older version.
     */
    private void applyDynamicSettings() throws IOException {
        JsonNode refresh = JSON.readTree(mappingJson()).path("settings").path("refresh_interval");
        if (refresh.isMissingNode()) {
            return;
        }
        Request update = new Request("PUT", "/" + index + "/_settings");
        update.setEntity(new NStringEntity("{\"index\":{\"refresh_interval\":\"" + refresh.asString() + "\"}}",
                ContentType.APPLICATION_JSON));
        es.performRequest(update);
    }

    private boolean exists() throws IOException {
        try {
            return es.performRequest(new Request("HEAD", "/" + index)).getStatusLine().getStatusCode() == 200;
        } catch (ResponseException e) {
            if (e.getResponse().getStatusLine().getStatusCode() == 404) {
                return false;
            }
            throw e;
        }
    }
}
