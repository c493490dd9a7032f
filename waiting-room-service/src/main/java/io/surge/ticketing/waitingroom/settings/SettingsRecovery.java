package io.surge.ticketing.waitingroom.settings;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.MeterRegistry;
import io.surge.ticketing.contracts.Topics;
import io.surge.ticketing.contracts.messages.MessageJson;
import io.surge.ticketing.contracts.messages.SaleSettingsChanged;

/**
 * Redis holds the waiting room; if it restarts without its data (a lost node, a failover without persistence), every
 * event's settings would be gone and every join answered 404. A sentinel key tells: when it is missing, the settings
 * are read back from the compacted {@code waitingroom.sale-settings} topic (the last settings published per event)
 * and restored where Redis lost them, then the sentinel is set again. Queue order is not in Kafka: fans who were
 * queued join again (admitted fans keep their admission tokens, which Redis never held).
 */
@Component
class SettingsRecovery {

    private static final Logger log = LoggerFactory.getLogger(SettingsRecovery.class);

    private final StringRedisTemplate redis;
    private final SettingsStore store;
    private final ConsumerFactory<String, String> consumers;
    private final MeterRegistry meters;

    SettingsRecovery(StringRedisTemplate redis, SettingsStore store, ConsumerFactory<String, String> consumers,
            MeterRegistry meters) {
        this.redis = redis;
        this.store = store;
        this.consumers = consumers;
        this.meters = meters;
    }

    @Scheduled(fixedDelayString = "${ticketing.waiting-room.recovery-interval:2s}", initialDelay = 0)
    void checkRedis() {
        try {
            if (Boolean.TRUE.equals(redis.hasKey(SettingsStore.SENTINEL))) {
                return;
            }
            int restored = restoreAll();
            redis.opsForValue().set(SettingsStore.SENTINEL, Long.toString(System.currentTimeMillis()));
            if (restored > 0) {
                meters.counter("waitingroom.settings.restored").increment(restored);
                log.warn("Redis had lost the waiting room's data: restored the settings of {} events from {}", restored,
                        Topics.SALE_SETTINGS);
            }
        } catch (RuntimeException e) {
            log.warn("cannot check or restore the waiting room's settings now (Redis or Kafka unavailable): {}", e.toString());
        }
    }

    /** Reads the compacted topic to its end and restores every event Redis does not know. */
    int restoreAll() {
        Map<Long, SaleSettingsChanged> latest = new HashMap<>();
        try (Consumer<String, String> consumer = consumers.createConsumer("waiting-room-recovery", "recovery")) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.SALE_SETTINGS, Duration.ofSeconds(10)).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(10));
            long deadline = System.currentTimeMillis() + 30_000;
            while (partitions.stream().anyMatch(p -> consumer.position(p, Duration.ofSeconds(10)) < end.get(p))
                    && System.currentTimeMillis() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.value() != null) {
                        SaleSettingsChanged settings = MessageJson.mapper().readValue(record.value(), SaleSettingsChanged.class);
                        latest.put(settings.eventId(), settings);
                    }
                }
            }
        }
        int restored = 0;
        for (SaleSettingsChanged settings : latest.values()) {
            if (store.restore(settings)) {
                restored++;
            }
        }
        return restored;
    }
}
