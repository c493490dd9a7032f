package io.surge.ticketing.system.catalog;

import static io.surge.ticketing.system.catalog.CatalogFixtures.event;
import static io.surge.ticketing.system.catalog.CatalogFixtures.venue;
import static io.surge.ticketing.system.catalog.CatalogFixtures.word;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

import io.surge.ticketing.system.Platform;

/**
 * kill -9 of cdc-connector while thousands of catalog updates stream in; after its restart the index must match
 * PostgreSQL document for document (same version, same content), with nothing lost and nothing stale.
 */
class CdcCrashSystemTests {

    private static final int EVENTS = 20;
    private static final int UPDATES = 10_000;
    private static final int KILL_AFTER = 2_000;

    private final Platform platform = Platform.get();

    @Test
    void afterAKillDuringAStreamOfUpdatesTheIndexMatchesPostgresExactly() throws Exception {
        long venueId = venue(platform, "Crash " + word(8));
        List<Long> events = new ArrayList<>();
        for (int i = 0; i < EVENTS; i++) {
            events.add(event(platform, "Crash " + word(6), "Crash Band " + word(4), venueId));
        }
        AtomicInteger done = new AtomicInteger();
        AtomicInteger failures = new AtomicInteger();
        ExecutorService writers = Executors.newFixedThreadPool(4);
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            int thread = t;
            futures.add(writers.submit(() -> {
                for (int i = thread; i < UPDATES; i += 4) {
                    long eventId = events.get(i % EVENTS);
                    Platform.Response r = CatalogFixtures.admin(platform, "PATCH", "/api/v1/admin/events/" + eventId,
                            Map.of("name", "Crash " + word(8) + " " + i));
                    if (r.status() != 200) {
                        failures.incrementAndGet();
                    }
                    done.incrementAndGet();
                }
            }));
        }
        try {
            await().atMost(Duration.ofSeconds(120)).until(() -> done.get() >= KILL_AFTER);
            assertThat(platform.launcher("kill", "cdc-connector")).isZero();
            System.out.printf("killed cdc-connector after %d updates%n", done.get());
            assertThat(platform.launcher("start", "cdc-connector")).isZero();
            System.out.printf("cdc-connector back after %d updates%n", done.get());
            for (Future<?> f : futures) {
                f.get(400, TimeUnit.SECONDS);
            }
        } finally {
            writers.shutdownNow();
        }
        assertThat(failures.get()).isZero();

        // every event's indexed document equals its search row in Postgres (version and content)
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> assertThat(mismatches(events)).isEmpty());
        // and the restarted connector resumed from its durable offsets instead of snapshotting the table again
        assertThat(connectorMetric("cdc_snapshot_records_total")).isZero();
    }

    /** A counter of the connector, read from its own actuator (its management port, not behind the gateway). */
    private double connectorMetric(String name) throws Exception {
        String port = platform.env("TICKETING_CDC_PORT") != null ? platform.env("TICKETING_CDC_PORT") : "8087";
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + (Integer.parseInt(port) + 1000) + "/actuator/prometheus")).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString());
        return r.body().lines().filter(l -> l.startsWith(name + "{")).mapToDouble(l -> Double.parseDouble(
                l.substring(l.lastIndexOf(' ') + 1))).findFirst().orElseThrow(() -> new AssertionError(name + " missing"));
    }

    private List<String> mismatches(List<Long> events) throws Exception {
        Map<Long, JsonNode> rows = new HashMap<>();
        Map<Long, Long> versions = new HashMap<>();
        try (Connection db = platform.db("catalog");
                PreparedStatement s = db.prepareStatement(
                        "SELECT event_id, version, document FROM event_search WHERE event_id = ANY (?)")) {
            s.setArray(1, db.createArrayOf("bigint", events.toArray()));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rows.put(rs.getLong(1), CatalogFixtures.JSON.readTree(rs.getString(3)));
                    versions.put(rs.getLong(1), rs.getLong(2));
                }
            }
        }
        List<String> mismatches = new ArrayList<>();
        for (long id : events) {
            JsonNode indexed = CatalogFixtures.indexed(platform, id);
            if (indexed == null || !indexed.path("found").asBoolean()) {
                mismatches.add(id + ": missing");
            } else if (indexed.get("_version").asLong() != versions.get(id)) {
                mismatches.add(id + ": version " + indexed.get("_version") + " != " + versions.get(id));
            } else if (!indexed.get("_source").equals(rows.get(id))) {
                mismatches.add(id + ": content differs");
            }
        }
        return mismatches;
    }
}
