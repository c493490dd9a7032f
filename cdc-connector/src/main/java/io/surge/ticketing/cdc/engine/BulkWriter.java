package io.surge.ticketing.cdc.engine;

import java.io.IOException;
import java.time.Duration;
import java.util.Collection;
import java.util.function.BooleanSupplier;

import org.apache.http.entity.ContentType;
import org.apache.http.nio.entity.NStringEntity;
import org.apache.http.util.EntityUtils;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.Response;
import org.elasticsearch.client.ResponseException;
import org.elasticsearch.client.RestClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Writes index actions with one {@code _bulk} request and does not return until Elasticsearch acknowledged
 * every item. While Elasticsearch is down or overloaded it retries with exponential back-off, blocking the
 * caller: that is the back-pressure (the engine stops reading the WAL, offsets do not move, nothing is lost).
 */
class BulkWriter {

    private static final Logger log = LoggerFactory.getLogger(BulkWriter.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final RestClient es;
    private final String target;
    private final Duration initialBackoff;
    private final Duration maxBackoff;
    private final Counter upserts;
    private final Counter deletes;
    private final Counter stale;
    private final Counter rejected;
    private final Counter retries;
    private final Timer bulkTimer;
    private volatile boolean backPressure;

    BulkWriter(RestClient es, String target, Duration initialBackoff, Duration maxBackoff, MeterRegistry meters) {
        this.es = es;
        this.target = target;
        this.initialBackoff = initialBackoff;
        this.maxBackoff = maxBackoff;
        this.upserts = Counter.builder("cdc.documents.written").tag("op", "upsert").register(meters);
        this.deletes = Counter.builder("cdc.documents.written").tag("op", "delete").register(meters);
        this.stale = Counter.builder("cdc.documents.stale").description("older versions ignored").register(meters);
        this.rejected = Counter.builder("cdc.documents.rejected").register(meters);
        this.retries = Counter.builder("cdc.bulk.retries").register(meters);
        this.bulkTimer = Timer.builder("cdc.bulk.duration").publishPercentiles(0.5, 0.99).register(meters);
    }

    /** True while Elasticsearch refuses writes and the writer is waiting to retry. */
    boolean backPressure() {
        return backPressure;
    }

    static String bulkBody(String target, Collection<IndexAction> actions) {
        StringBuilder body = new StringBuilder(actions.size() * 512);
        for (IndexAction action : actions) {
            ObjectNode meta = JsonNodeFactory.instance.objectNode();
            ObjectNode op = meta.putObject(action instanceof IndexAction.Upsert ? "index" : "delete");
            op.put("_index", target);
            op.put("_id", Long.toString(action.eventId()));
            Long version = action instanceof IndexAction.Upsert u ? Long.valueOf(u.version())
                    : ((IndexAction.Delete) action).version();
            if (version != null) {
                op.put("version", version);
                op.put("version_type", "external");
            }
            body.append(meta).append('\n');
            if (action instanceof IndexAction.Upsert u) {
                body.append(u.document()).append('\n');
            }
        }
        return body.toString();
    }

    /** Blocks until written; throws InterruptedException only when {@code stopping} turns true. */
    void write(Collection<IndexAction> actions, BooleanSupplier stopping) throws InterruptedException {
        if (actions.isEmpty()) {
            return;
        }
        String body = bulkBody(target, actions);
        long backoff = initialBackoff.toMillis();
        while (true) {
            if (stopping.getAsBoolean()) {
                throw new InterruptedException("stopping before Elasticsearch acknowledged the batch");
            }
            try {
                if (tryOnce(body)) {
                    backPressure = false;
                    actions.forEach(a -> (a instanceof IndexAction.Upsert ? upserts : deletes).increment());
                    return;
                }
            } catch (IOException e) {
                log.warn("bulk write of {} actions failed, retrying in {} ms: {}", actions.size(), backoff, e.toString());
            }
            backPressure = true;
            retries.increment();
            Thread.sleep(backoff);
            backoff = Math.min(backoff * 2, maxBackoff.toMillis());
        }
    }

    /** True when every item is settled; false when some item must be retried. */
    private boolean tryOnce(String body) throws IOException {
        Request request = new Request("POST", "/_bulk");
        request.setEntity(new NStringEntity(body, ContentType.create("application/x-ndjson")));
        Response response;
        long start = System.nanoTime();
        try {
            response = es.performRequest(request);
        } catch (ResponseException e) {
            int status = e.getResponse().getStatusLine().getStatusCode();
            if (status == 429 || status >= 500) {
                throw new IOException("Elasticsearch answered " + status, e);
            }
            throw e;
        } finally {
            bulkTimer.record(Duration.ofNanos(System.nanoTime() - start));
        }
        JsonNode result = JSON.readTree(EntityUtils.toByteArray(response.getEntity()));
        if (!result.path("errors").asBoolean(false)) {
            return true;
        }
        boolean retry = false;
        for (JsonNode item : result.path("items")) {
            JsonNode outcome = item.values().iterator().next();
            int status = outcome.path("status").asInt();
            String kind = item.propertyNames().iterator().next();
            if (status < 300 || status == 409) {
                // 409: a newer version is already indexed (a replay after a restart)
                if (status == 409) {
                    stale.increment();
                }
            } else if (status == 404 && "delete".equals(kind)) {
                // deleting what is not there: already gone
            } else if (status == 429 || status >= 500) {
                retry = true;
            } else {
                // a document Elasticsearch will never accept (a mapping error): retrying would stall all search
                rejected.increment();
                log.error("Elasticsearch rejected document {}: {}", outcome.path("_id").asString(), outcome.path("error"));
            }
        }
        if (retry) {
            log.warn("some bulk items were refused for now (429/5xx); retrying the batch (writes are idempotent)");
        }
        return !retry;
    }
}
