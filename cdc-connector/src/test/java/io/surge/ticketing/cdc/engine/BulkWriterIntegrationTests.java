package io.surge.ticketing.cdc.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.UUID;

import org.apache.http.HttpHost;
import org.apache.http.util.EntityUtils;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.ResponseException;
import org.elasticsearch.client.RestClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.surge.ticketing.cdc.index.SearchIndex;
import io.surge.ticketing.testsupport.ElasticsearchRestClients;
import java.time.Duration;

/** Against the real local Elasticsearch, on an index and alias of its own (deleted afterwards). */
class BulkWriterIntegrationTests {

    private final String suffix = UUID.randomUUID().toString().substring(0, 8);
    private final String index = "events-it-" + suffix;
    private final String alias = "events-it-alias-" + suffix;
    private RestClient es;
    private BulkWriter writer;

    @BeforeEach
    void setUp() throws IOException {
        es = ElasticsearchRestClients.open();
        new SearchIndex(es, index, alias).ensureExists();
        writer = new BulkWriter(es, alias, Duration.ofMillis(50), Duration.ofMillis(200), new SimpleMeterRegistry());
    }

    @AfterEach
    void tearDown() throws IOException {
        try {
            es.performRequest(new Request("DELETE", "/" + index));
        } finally {
            es.close();
        }
    }

    private JsonNode get(long id) throws IOException {
        try {
            return new ObjectMapper().readTree(EntityUtils.toString(
                    es.performRequest(new Request("GET", "/" + alias + "/_doc/" + id)).getEntity()));
        } catch (ResponseException e) {
            return null;
        }
    }

    @Test
    void creatingTheIndexTwiceIsHarmless() throws IOException {
        new SearchIndex(es, index, alias).ensureExists();

        assertThat(es.performRequest(new Request("GET", "/_alias/" + alias)).getStatusLine().getStatusCode())
                .isEqualTo(200);
    }

    @Test
    void aReplayedOlderVersionNeverOverwritesANewerDocument() throws Exception {
        writer.write(List.of(new IndexAction.Upsert(1, 2, "{\"event_id\":1,\"name\":\"new\"}", 0)), () -> false);

        writer.write(List.of(new IndexAction.Upsert(1, 1, "{\"event_id\":1,\"name\":\"old\"}", 0)), () -> false);

        JsonNode doc = get(1);
        assertThat(doc.get("_version").asLong()).isEqualTo(2);
        assertThat(doc.get("_source").get("name").asString()).isEqualTo("new");
    }

    @Test
    void aCancellationDeletesTheDocumentAndDeletingTwiceIsHarmless() throws Exception {
        writer.write(List.of(new IndexAction.Upsert(5, 1, "{\"event_id\":5}", 0)), () -> false);

        writer.write(List.of(new IndexAction.Delete(5, 2L, 0)), () -> false);
        writer.write(List.of(new IndexAction.Delete(5, null, 0)), () -> false);

        assertThat(get(5)).isNull();
    }

    @Test
    void whileElasticsearchIsUnreachableTheWriteBlocksAndRetriesInsteadOfDropping() throws Exception {
        try (RestClient dead = RestClient.builder(HttpHost.create("http://127.0.0.1:1")).build()) {
            BulkWriter blocked = new BulkWriter(dead, alias, Duration.ofMillis(20), Duration.ofMillis(50),
                    new SimpleMeterRegistry());
            long deadline = System.currentTimeMillis() + 500;

            Thread.currentThread().setName("bulk-writer-test");
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> blocked.write(
                    List.of(new IndexAction.Upsert(9, 1, "{}", 0)), () -> System.currentTimeMillis() > deadline))
                    .isInstanceOf(InterruptedException.class);
            assertThat(System.currentTimeMillis()).isGreaterThanOrEqualTo(deadline);
            assertThat(blocked.backPressure()).isTrue();
        }
    }
}
