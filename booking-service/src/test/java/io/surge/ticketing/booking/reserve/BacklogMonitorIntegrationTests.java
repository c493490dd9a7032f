package io.surge.ticketing.booking.reserve;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.NewPartitions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.RecordsToDelete;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.KafkaAdmin;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.surge.ticketing.booking.AfterTheSaleIntegrationTest;

/**
 * The buffer's depth on the real broker, on a topic and consumer group of the test's own: committed offsets where
 * the group has them, the earliest offset where it has none, and partitions added later.
 */
class BacklogMonitorIntegrationTests extends AfterTheSaleIntegrationTest {

    @Autowired
    KafkaAdmin kafkaAdmin;

    private final String topic = "backlog-test-" + UUID.randomUUID();
    private final String group = "backlog-test-" + UUID.randomUUID();
    private AdminClient admin;
    private BacklogMonitor monitor;

    @AfterEach
    void removeTheTopic() throws Exception {
        if (monitor != null) {
            monitor.destroy();
        }
        if (admin != null) {
            admin.deleteTopics(List.of(topic)).all().get(10, TimeUnit.SECONDS);
            admin.close(Duration.ofSeconds(2));
        }
    }

    @Test
    void countsWhatTheGroupHasNotCommittedFromTheEarliestOffsetWhereItCommittedNothingAndInPartitionsAddedLater()
            throws Exception {
        admin = AdminClient.create(kafkaAdmin.getConfigurationProperties());
        admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1))).all().get(10, TimeUnit.SECONDS);
        produce(Map.of(0, 5, 1, 3, 2, 4));
        // the group decided two commands of partition 0; partition 1 lost its first record to retention
        admin.alterConsumerGroupOffsets(group, Map.of(new TopicPartition(topic, 0), new OffsetAndMetadata(2)))
                .all().get(10, TimeUnit.SECONDS);
        admin.deleteRecords(Map.of(new TopicPartition(topic, 1), RecordsToDelete.beforeOffset(1)))
                .all().get(10, TimeUnit.SECONDS);
        monitor = new BacklogMonitor(kafkaAdmin, new SimpleMeterRegistry(), topic, group, Duration.ZERO);

        monitor.measure();

        assertThat(monitor.lag()).isEqualTo((5 - 2) + (3 - 1) + 4);

        // a partition added by an operator is counted once the partitions are read again
        admin.createPartitions(Map.of(topic, NewPartitions.increaseTo(4))).all().get(10, TimeUnit.SECONDS);
        produce(Map.of(3, 2));
        monitor.measure();

        assertThat(monitor.lag()).isEqualTo((5 - 2) + (3 - 1) + 4 + 2);
    }

    @Test
    void keepsThePartitionsItReadUntilTheirRefreshIsDue() throws Exception {
        admin = AdminClient.create(kafkaAdmin.getConfigurationProperties());
        admin.createTopics(List.of(new NewTopic(topic, 2, (short) 1))).all().get(10, TimeUnit.SECONDS);
        produce(Map.of(0, 1, 1, 1));
        monitor = new BacklogMonitor(kafkaAdmin, new SimpleMeterRegistry(), topic, group, Duration.ofHours(1));
        monitor.measure();
        assertThat(monitor.lag()).isEqualTo(2);

        admin.createPartitions(Map.of(topic, NewPartitions.increaseTo(3))).all().get(10, TimeUnit.SECONDS);
        produce(Map.of(0, 1, 2, 5));
        monitor.measure();

        // the new records of a known partition count at once; the new partition waits for the refresh
        assertThat(monitor.lag()).isEqualTo(3);
    }

    private void produce(Map<Integer, Integer> recordsPerPartition) throws Exception {
        Map<String, Object> config = new HashMap<>(kafkaAdmin.getConfigurationProperties());
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
            for (var entry : recordsPerPartition.entrySet()) {
                for (int i = 0; i < entry.getValue(); i++) {
                    producer.send(new ProducerRecord<>(topic, entry.getKey(), "k", "command " + i)).get(10, TimeUnit.SECONDS);
                }
            }
        }
    }
}
