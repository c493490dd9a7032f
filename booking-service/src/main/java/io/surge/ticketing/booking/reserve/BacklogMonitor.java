package io.surge.ticketing.booking.reserve;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
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
import org.springframework.beans.factory.annotation.Autowired;
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
 * <p>
 * Two admin requests per measurement: the group's committed offsets and the end offsets. The topic's partitions are
 * read again only every {@link #PARTITIONS_REFRESH} (they change when an operator adds some), and a partition's
 * earliest offset only when the group has committed nothing there yet. (Four requests every half second were 4-7 % of
 * booking-service's CPU samples under the reservation loop, with the broker's own share on top.)
 */
@Component
class BacklogMonitor implements DisposableBean {

    static final String GROUP = "booking-commands";
    static final Duration PARTITIONS_REFRESH = Duration.ofSeconds(30);
    private static final Logger log = LoggerFactory.getLogger(BacklogMonitor.class);

    private final AdminClient admin;
    private final String topic;
    private final String group;
    private final long partitionsRefreshNanos;
    private final AtomicLong lag = new AtomicLong();
    // read and written by the one thread that measures
    private List<TopicPartition> partitions;
    private long partitionsReadAt;

    @Autowired
    BacklogMonitor(KafkaAdmin kafkaAdmin, MeterRegistry meters) {
        this(kafkaAdmin, meters, Topics.BOOKING_COMMANDS, GROUP, PARTITIONS_REFRESH);
    }

    BacklogMonitor(KafkaAdmin kafkaAdmin, MeterRegistry meters, String topic, String group, Duration partitionsRefresh) {
        Map<String, Object> config = new HashMap<>(kafkaAdmin.getConfigurationProperties());
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000);
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 3000);
        this.admin = AdminClient.create(config);
        this.topic = topic;
        this.group = group;
        this.partitionsRefreshNanos = partitionsRefresh.toNanos();
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
            List<TopicPartition> all = partitions();
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get(3, TimeUnit.SECONDS);
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = offsets(all, OffsetSpec.latest());
            List<TopicPartition> neverCommitted = all.stream().filter(p -> committed.get(p) == null).toList();
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> starts = neverCommitted.isEmpty()
                    ? Map.of()
                    : offsets(neverCommitted, OffsetSpec.earliest());
            long total = 0;
            for (TopicPartition partition : all) {
                OffsetAndMetadata done = committed.get(partition);
                long from = done != null ? done.offset() : starts.get(partition).offset();
                total += Math.max(0, ends.get(partition).offset() - from);
            }
            lag.set(total);
        } catch (Exception e) {
            partitions = null; // read them again next time: the failure may be a partition that moved or went
            log.debug("could not measure the reservation backlog: {}", e.toString());
        }
    }

    private List<TopicPartition> partitions() throws Exception {
        long now = System.nanoTime();
        if (partitions == null || now - partitionsReadAt >= partitionsRefreshNanos) {
            partitions = admin.describeTopics(List.of(topic)).allTopicNames().get(3, TimeUnit.SECONDS).get(topic)
                    .partitions().stream()
                    .map(p -> new TopicPartition(topic, p.partition()))
                    .toList();
            partitionsReadAt = now;
        }
        return partitions;
    }

    private Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> offsets(List<TopicPartition> of,
            OffsetSpec spec) throws Exception {
        return admin.listOffsets(of.stream().collect(Collectors.toMap(p -> p, p -> spec))).all()
                .get(3, TimeUnit.SECONDS);
    }

    @Override
    public void destroy() {
        admin.close(Duration.ofSeconds(1));
    }
}
