package io.surge.ticketing.waitingroom.pacing;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.surge.ticketing.contracts.Topics;
import io.surge.ticketing.waitingroom.WaitingRoomProperties;
import io.surge.ticketing.waitingroom.keys.QueueKeys;
import io.surge.ticketing.waitingroom.settings.SettingsStore;

/**
 * Optional: admits more slowly while booking-service's command buffer ({@code booking.commands}) is deep, and
 * speeds back up to the configured rate when it drains, so the waiting room never lets in more fans than the
 * booking path is actually deciding. Reads the consumer lag with the Kafka admin API; a failed read changes nothing.
 */
@Component
@ConditionalOnProperty(name = "ticketing.waiting-room.adaptive.enabled", havingValue = "true")
class AdaptivePacing {

    private static final Logger log = LoggerFactory.getLogger(AdaptivePacing.class);

    private final KafkaAdmin kafkaAdmin;
    private final StringRedisTemplate redis;
    private final SettingsStore settings;
    private final WaitingRoomProperties.Adaptive properties;
    private final PaceRule rule;
    /** The shared factor as this replica last read or wrote it (the gauge); written by the scheduler thread only. */
    private volatile double factor = 1.0;
    private volatile Admin admin;

    AdaptivePacing(KafkaAdmin kafkaAdmin, StringRedisTemplate redis, SettingsStore settings,
            WaitingRoomProperties properties, MeterRegistry meters) {
        this.kafkaAdmin = kafkaAdmin;
        this.redis = redis;
        this.settings = settings;
        this.properties = properties.adaptive();
        this.rule = new PaceRule(this.properties.highLag(), this.properties.lowLag(), this.properties.minFactor(),
                this.properties.step());
        Gauge.builder("waitingroom.admission.pace", this, pacing -> pacing.factor)
                .description("share of the configured admission rate in force (1 = full)").register(meters);
    }

    @Scheduled(fixedDelayString = "${ticketing.waiting-room.adaptive.interval}", initialDelayString = "10s")
    void adjust() {
        try {
            long lag = bookingLag();
            // The factor in force is shared by every replica (Redis), so replicas started at different times
            // step from the same value instead of writing their own (two replicas computing one round write the
            // same result).
            String shared = redis.opsForValue().get(QueueKeys.PACE_FACTOR);
            double before = shared == null ? 1.0 : Double.parseDouble(shared);
            factor = before;
            double after = rule.next(before, lag);
            if (after != before) {
                redis.opsForValue().set(QueueKeys.PACE_FACTOR, Double.toString(after));
                factor = after;
                Set<String> events = redis.opsForSet().members(QueueKeys.EVENTS);
                for (String event : events == null ? Set.<String>of() : events) {
                    settings.pace(Long.parseLong(event), after);
                }
                log.info("booking backlog {}: admission pace {} -> {}", lag, before, after);
            }
        } catch (Exception e) {
            log.debug("booking backlog unknown, pace unchanged: {}", e.toString());
        }
    }

    private long bookingLag() throws Exception {
        Admin client = admin();
        Map<TopicPartition, OffsetAndMetadata> committed = client
                .listConsumerGroupOffsets(properties.consumerGroup()).partitionsToOffsetAndMetadata()
                .get(3, TimeUnit.SECONDS);
        List<TopicPartition> partitions = committed.keySet().stream()
                .filter(tp -> tp.topic().equals(Topics.BOOKING_COMMANDS)).toList();
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = client
                .listOffsets(partitions.stream().collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.latest())))
                .all().get(3, TimeUnit.SECONDS);
        long lag = 0;
        for (TopicPartition tp : partitions) {
            OffsetAndMetadata offset = committed.get(tp);
            lag += Math.max(0, ends.get(tp).offset() - (offset == null ? 0 : offset.offset()));
        }
        return lag;
    }

    @jakarta.annotation.PreDestroy
    void close() {
        if (admin != null) {
            admin.close(java.time.Duration.ofSeconds(2));
        }
    }

    private Admin admin() {
        if (admin == null) {
            synchronized (this) {
                if (admin == null) {
                    admin = Admin.create(kafkaAdmin.getConfigurationProperties());
                }
            }
        }
        return admin;
    }
}
