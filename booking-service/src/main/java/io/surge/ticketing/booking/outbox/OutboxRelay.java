package io.surge.ticketing.booking.outbox;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * Publishes outbox rows to Kafka and deletes them once the broker acknowledged (at least once; consumers
 * dedupe by message id). Rows are claimed with SKIP LOCKED so several replicas relay without waiting on
 * each other.
 */
@Component
class OutboxRelay {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final int BATCH = 500;

    private final JdbcClient jdbc;
    private final KafkaTemplate<String, String> kafka;
    private final TransactionTemplate transactions;
    private final MeterRegistry meters;

    /**
     * The relay sends on the shared producer through a template of its own without observations: it runs on a
     * scheduler thread, outside any request's trace, and a span and a timer per outbox row cost more CPU than the
     * send itself (measured: docs/benchmarks.md).
     */
    OutboxRelay(JdbcClient jdbc, ProducerFactory<String, String> producers, TransactionTemplate transactions,
            MeterRegistry meters) {
        this.jdbc = jdbc;
        this.kafka = new KafkaTemplate<>(producers);
        this.transactions = transactions;
        this.meters = meters;
    }

    @Scheduled(fixedDelayString = "${ticketing.booking.outbox.interval}")
    void relay() {
        try {
            Integer sent;
            do {
                sent = transactions.execute(status -> relayBatch());
            } while (sent != null && sent == BATCH);
        } catch (RuntimeException e) {
            log.warn("outbox relay failed, will retry: {}", e.toString());
        }
    }

    private int relayBatch() {
        List<Row> rows = jdbc.sql("SELECT id, topic, message_key, payload::text FROM outbox ORDER BY id LIMIT ? "
                        + "FOR UPDATE SKIP LOCKED")
                .param(BATCH)
                .query((rs, n) -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .list();
        if (rows.isEmpty()) {
            return 0;
        }
        List<CompletableFuture<?>> acks = rows.stream()
                .<CompletableFuture<?>>map(row -> kafka.send(row.topic(), row.key(), row.payload()))
                .toList();
        try {
            CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Kafka did not acknowledge the outbox batch", e);
        }
        jdbc.sql("DELETE FROM outbox WHERE id = ANY(?)")
                .param(rows.stream().map(Row::id).toArray(Long[]::new))
                .update();
        meters.counter("booking.outbox.published").increment(rows.size());
        return rows.size();
    }

    private record Row(long id, String topic, String key, String payload) {
    }
}
