package io.surge.ticketing.cdc.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import io.debezium.engine.ChangeEvent;
import io.debezium.engine.DebeziumEngine;
import io.debezium.engine.format.Json;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.surge.ticketing.cdc.CdcProperties;
import io.surge.ticketing.cdc.index.SearchIndex;

/**
 * Runs the embedded Debezium engine on the catalog's {@code event_search} table and feeds the index. Offsets
 * are marked processed only after Elasticsearch acknowledged the batch, and flushed to a file, so a crash
 * replays (idempotently) instead of losing. A failed engine does not end the JVM: it is restarted with
 * back-off while health reports it DOWN.
 */
public class CdcEngine implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(CdcEngine.class);

    /** Database connection of the connector (the role needs REPLICATION and owns the streamed table). */
    public record Database(String host, int port, String name, String user, String password) {
    }

    private final CdcProperties properties;
    private final Database database;
    private final SearchIndex index;
    private final BulkWriter writer;
    private final ExecutorService runner = Executors.newSingleThreadExecutor(r -> new Thread(r, "cdc-engine"));
    private final Counter restarts;
    private final Counter snapshotRecords;
    private final Timer replicationLatency;
    private final AtomicInteger batches = new AtomicInteger();

    private final Leadership leadership;
    private volatile boolean stopping;
    private volatile boolean standby;
    private volatile boolean running;
    private volatile boolean lifecycleRunning;
    private volatile DebeziumEngine<ChangeEvent<String, String>> engine;
    private volatile String lastError;
    private volatile Instant lastBatchAt;

    public CdcEngine(CdcProperties properties, Database database, SearchIndex index, BulkWriter writer,
            MeterRegistry meters) {
        this.properties = properties;
        this.database = database;
        this.index = index;
        this.writer = writer;
        this.leadership = new Leadership(database, properties.slotName(), 1000);
        this.restarts = Counter.builder("cdc.engine.restarts").register(meters);
        this.snapshotRecords = Counter.builder("cdc.snapshot.records")
                .description("rows read by an initial snapshot; stays 0 when a restart resumes from its offsets")
                .register(meters);
        this.replicationLatency = Timer.builder("cdc.replication.latency")
                .description("Postgres commit to Elasticsearch acknowledgement")
                .publishPercentiles(0.5, 0.99).register(meters);
    }

    /** The engine's task is streaming (or snapshotting). */
    public boolean streaming() {
        return running;
    }

    /** Another connector streams the slot; this one takes over when that one goes (see {@link Leadership}). */
    public boolean standby() {
        return standby;
    }

    public boolean backPressure() {
        return writer.backPressure();
    }

    public Optional<String> lastError() {
        return Optional.ofNullable(lastError);
    }

    public Optional<Instant> lastBatchAt() {
        return Optional.ofNullable(lastBatchAt);
    }

    public double restarts() {
        return restarts.count();
    }

    @Override
    public void start() {
        if (!properties.autoStart()) {
            return;
        }
        lifecycleRunning = true;
        runner.submit(this::superviseForever);
    }

    @Override
    public void stop() {
        stopping = true;
        DebeziumEngine<?> current = engine;
        if (current != null) {
            try {
                current.close();
            } catch (IOException e) {
                log.warn("closing the engine failed: {}", e.toString());
            }
        }
        runner.shutdownNow();
        try {
            runner.awaitTermination(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        leadership.close();
        lifecycleRunning = false;
    }

    @Override
    public boolean isRunning() {
        return lifecycleRunning;
    }

    private void superviseForever() {
        long backoff = properties.restartInitialBackoff().toMillis();
        while (!stopping) {
            try {
                leadership.await(() -> stopping, standing -> standby = standing);
            } catch (InterruptedException e) {
                return;
            }
            if (stopping) {
                return;
            }
            long startedAt = System.currentTimeMillis();
            try {
                index.ensureExists();
                runEngineOnce();
            } catch (Throwable e) {
                lastError = e.toString();
                log.error("CDC engine failed", e);
            }
            running = false;
            if (stopping) {
                return;
            }
            if (System.currentTimeMillis() - startedAt > 60_000) {
                backoff = properties.restartInitialBackoff().toMillis();
            }
            restarts.increment();
            log.warn("CDC engine stopped ({}); restarting in {} ms", lastError, backoff);
            try {
                Thread.sleep(backoff);
            } catch (InterruptedException e) {
                return;
            }
            backoff = Math.min(backoff * 2, properties.restartMaxBackoff().toMillis());
        }
    }

    private void runEngineOnce() throws IOException {
        Files.createDirectories(properties.offsetFile().toAbsolutePath().getParent());
        DebeziumEngine<ChangeEvent<String, String>> created = DebeziumEngine.create(Json.class)
                .using(debeziumConfig())
                .using(new DebeziumEngine.ConnectorCallback() {
                    @Override
                    public void taskStarted() {
                        running = true;
                        lastError = null;
                        log.info("CDC engine streaming {} (slot {})", properties.table(), properties.slotName());
                    }

                    @Override
                    public void taskStopped() {
                        running = false;
                    }
                })
                .using((success, message, error) -> {
                    running = false;
                    if (!success || error != null) {
                        lastError = message + (error != null ? ": " + error : "");
                    }
                })
                .notifying(this::handleBatch)
                .build();
        engine = created;
        try {
            created.run();
        } finally {
            engine = null;
            created.close();
        }
    }

    private void handleBatch(List<ChangeEvent<String, String>> records,
            DebeziumEngine.RecordCommitter<ChangeEvent<String, String>> committer) throws InterruptedException {
        List<IndexAction> actions = new ArrayList<>(records.size());
        for (ChangeEvent<String, String> record : records) {
            if (record.destination() != null && record.destination().endsWith(tableSuffix())) {
                ChangeMapper.map(record.value()).ifPresent(actions::add);
                if (ChangeMapper.isSnapshotRead(record.value())) {
                    snapshotRecords.increment();
                }
            }
        }
        // blocks (back-pressure) until Elasticsearch has every document; only then do offsets move
        writer.write(ChangeMapper.lastPerEvent(actions), () -> stopping);
        long now = System.currentTimeMillis();
        for (IndexAction action : actions) {
            if (action.committedAtMs() > 0) {
                replicationLatency.record(Duration.ofMillis(Math.max(0, now - action.committedAtMs())));
            }
        }
        for (ChangeEvent<String, String> record : records) {
            committer.markProcessed(record);
        }
        committer.markBatchFinished();
        lastBatchAt = Instant.now();
        batches.incrementAndGet();
    }

    private String tableSuffix() {
        return "." + properties.table();
    }

    Properties debeziumConfig() {
        Properties p = new Properties();
        p.setProperty("name", "catalog-search");
        p.setProperty("connector.class", "io.debezium.connector.postgresql.PostgresConnector");
        p.setProperty("offset.storage", "org.apache.kafka.connect.storage.FileOffsetBackingStore");
        p.setProperty("offset.storage.file.filename", properties.offsetFile().toAbsolutePath().toString());
        p.setProperty("offset.flush.interval.ms", Long.toString(properties.offsetFlushInterval().toMillis()));
        p.setProperty("database.hostname", database.host());
        p.setProperty("database.port", Integer.toString(database.port()));
        p.setProperty("database.user", database.user());
        p.setProperty("database.password", database.password());
        p.setProperty("database.dbname", database.name());
        p.setProperty("topic.prefix", "catalog");
        p.setProperty("plugin.name", "pgoutput");
        p.setProperty("slot.name", properties.slotName());
        p.setProperty("publication.name", properties.publication());
        // the role is not a superuser: a publication for all tables needs one; "filtered" covers our table only
        p.setProperty("publication.autocreate.mode", "filtered");
        p.setProperty("table.include.list", properties.table());
        // Resume from the stored offsets; snapshot only when there are none or the server no longer has their
        // position (the database or its slot was recreated). Writes are versioned upserts, so a re-snapshot is harmless.
        p.setProperty("snapshot.mode", "when_needed");
        p.setProperty("poll.interval.ms", Long.toString(properties.pollInterval().toMillis()));
        p.setProperty("max.batch.size", Integer.toString(properties.maxBatchSize()));
        p.setProperty("max.queue.size", Integer.toString(properties.maxBatchSize() * 4));
        // keeps the slot's confirmed LSN moving while other databases of the cluster write WAL
        p.setProperty("heartbeat.interval.ms", "5000");
        p.setProperty("tombstones.on.delete", "false");
        p.setProperty("converter.schemas.enable", "false");
        p.setProperty("errors.max.retries", "-1");
        return p;
    }
}
