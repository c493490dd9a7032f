package io.surge.ticketing.catalog.inventory;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.surge.ticketing.catalog.CatalogProperties;

/**
 * Publishes outbox rows to Kafka, at least once: rows are claimed with SKIP LOCKED, sent, and deleted only
 * after the broker acknowledged them all (acks=all, idempotent producer), in the claiming transaction. A crash
 * between send and commit republishes; booking inserts seats idempotently, so that is harmless.
 */
@Component
class OutboxRelay {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final OutboxRepository outbox;
    private final KafkaTemplate<String, String> kafka;
    private final TransactionTemplate tx;
    private final CatalogProperties.Outbox settings;
    private final Counter published;
    private volatile long lastFailureLog;

    OutboxRelay(OutboxRepository outbox, KafkaTemplate<String, String> kafka, TransactionTemplate tx,
            CatalogProperties properties, MeterRegistry meters) {
        this.outbox = outbox;
        this.kafka = kafka;
        this.tx = tx;
        this.settings = properties.outbox();
        this.published = Counter.builder("catalog.outbox.published").register(meters);
        Gauge.builder("catalog.outbox.pending", this, r -> r.pendingOrNaN()).register(meters);
    }

    @Scheduled(fixedDelayString = "${ticketing.catalog.outbox.poll-interval}")
    void relay() {
        if (!settings.enabled()) {
            return;
        }
        try {
            int sent;
            do {
                sent = tx.execute(status -> publishBatch());
            } while (sent == settings.batchSize());
        } catch (RuntimeException e) {
            // Kafka or the DB is down: the rows stay and the next tick retries; log at most every 30 s
            long now = System.currentTimeMillis();
            if (now - lastFailureLog > 30_000) {
                lastFailureLog = now;
                log.warn("outbox relay failed, will retry: {}", e.toString());
            }
        }
    }

    private int publishBatch() {
        List<OutboxRepository.OutboxRow> rows = outbox.claimOldestPerKeyForUpdateSkipLocked(settings.batchSize());
        if (rows.isEmpty()) {
            return 0;
        }
        List<CompletableFuture<?>> acks = new ArrayList<>(rows.size());
        for (OutboxRepository.OutboxRow row : rows) {
            ProducerRecord<String, String> record = new ProducerRecord<>(row.topic(), row.key(), row.payload());
            // lets a spring-kafka JsonDeserializer pick the type without configuration
            record.headers().add("__TypeId__", row.type().getBytes(StandardCharsets.UTF_8));
            acks.add(kafka.send(record));
        }
        try {
            CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new))
                    .get(settings.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Kafka did not acknowledge the outbox batch", e);
        }
        outbox.delete(rows.stream().map(OutboxRepository.OutboxRow::id).toList());
        published.increment(rows.size());
        return rows.size();
    }

    private double pendingOrNaN() {
        try {
            return outbox.pending();
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }
}
