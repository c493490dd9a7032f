package io.surge.ticketing.system.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.surge.ticketing.system.Platform;

/**
 * A small, bounded search benchmark through the gateway: a fixed mix of full-text, typo, prefix and filtered
 * queries at a stated concurrency; prints p50/p99 and queries per second (on the demo catalog when it is
 * loaded). Not a load test: 600 requests, 4 clients, on a machine shared with the whole platform.
 */
class SearchLatencySystemTests {

    private static final int CLIENTS = 4;
    private static final int REQUESTS = 600;
    private static final List<String[]> QUERIES = List.of(
            new String[] {"q", "taylor swift"}, new String[] {"q", "tayler swfit"}, new String[] {"q", "tay"},
            new String[] {"q", "coldplay"}, new String[] {"q", "new york"}, new String[] {"city", "London"},
            new String[] {"category", "comedy"}, new String[] {"q", "arena", "size", "50"},
            new String[] {"q", "ed sheeran", "page", "2", "size", "5"}, new String[] {"q", "phil"});

    private final Platform platform = Platform.get();

    @Test
    void searchAnswersAMixOfQueriesQuicklyAtFourConcurrentClients() throws Exception {
        ConcurrentLinkedQueue<Long> micros = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        long start = System.nanoTime();
        List<Future<?>> futures = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            int client = c;
            futures.add(clients.submit(() -> {
                for (int i = client; i < REQUESTS; i += CLIENTS) {
                    String path = CatalogFixtures.query(QUERIES.get(i % QUERIES.size()));
                    long t0 = System.nanoTime();
                    Platform.Response r = platform.get(path, null);
                    micros.add((System.nanoTime() - t0) / 1_000);
                    if (r.status() != 200) {
                        failures.add(path + " -> " + r.status());
                    }
                }
            }));
        }
        for (Future<?> f : futures) {
            f.get(120, TimeUnit.SECONDS);
        }
        clients.shutdown();
        double seconds = (System.nanoTime() - start) / 1e9;

        List<Long> sorted = new ArrayList<>(micros);
        Collections.sort(sorted);
        long p50 = CatalogFixtures.percentile(sorted, 0.50);
        long p99 = CatalogFixtures.percentile(sorted, 0.99);
        System.out.printf("search through the gateway, %d clients, %d requests: p50 %.1f ms, p99 %.1f ms, %.0f queries/s%n",
                CLIENTS, REQUESTS, p50 / 1000.0, p99 / 1000.0, REQUESTS / seconds);

        // 429s would mean the edge throttled the benchmark: it measures search, so every answer must be 200
        assertThat(failures).isEmpty();
        assertThat(p99).isLessThan(2_000_000);
    }
}
