package io.surge.ticketing.booking.reserve;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.surge.ticketing.contracts.Topics;

/**
 * Measures the depth of the reservation buffer (undecided commands = end offsets - committed offsets of the
 * deciding consumer group). The API sheds load when it is too deep, and the gauge
 * {@code booking.commands.lag} lets the waiting room and autoscalers react.
 */
@Component
class BacklogMonitor implements DisposableBean {

    static final String GROUP = "booking-commands";
    private static final Logger log = LoggerFactory.getLogger(BacklogMonitor.class);

    private final AdminClient admin;
    private final AtomicLong lag = new AtomicLong();

    BacklogMonitor(KafkaAdmin kafkaAdmin, MeterRegistry meters) {
        Map<String, Object> config = new HashMap<>(kafkaAdmin.getConfigurationProperties());
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000);
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 3000);
        this.admin = AdminClient.create(config);
        Gauge.builder("booking.commands.lag", lag, AtomicLong::get)
                .description("reservation commands waiting in Kafka to be decided")
                .register(meters);
    }

    long lag() {
        return lag.get();
    }

    @Scheduled(fixedDelayString = "${ticketing.booking.commands.lag-interval}")
    void measure() {
        try {
            var partitions = admin.describeTopics(java.util.List.of(Topics.BOOKING_COMMANDS)).allTopicNames()
                    .get(3, TimeUnit.SECONDS).get(Topics.BOOKING_COMMANDS).partitions().stream()
                    .map(p -> new TopicPartition(Topics.BOOKING_COMMANDS, p.partition()))
                    .toList();
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(GROUP)
                    .partitionsToOffsetAndMetadata().get(3, TimeUnit.SECONDS);
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin
                    .listOffsets(partitions.stream().collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest())))
                    .all().get(3, TimeUnit.SECONDS);
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> starts = admin
                    .listOffsets(partitions.stream().collect(Collectors.toMap(p -> p, p -> OffsetSpec.earliest())))
                    .all().get(3, TimeUnit.SECONDS);
            long total = 0;
            for (TopicPartition partition : partitions) {
                OffsetAndMetadata done = committed.get(partition);
                long from = done != null ? done.offset() : starts.get(partition).offset();
                total += Math.max(0, ends.get(partition).offset() - from);
            }
            lag.set(total);
        } catch (Exception e) {
            log.debug("could not measure the reservation backlog: {}", e.toString());
        }
    }

    @Override
    public void destroy() {
        admin.close(Duration.ofSeconds(1));
    }
}
