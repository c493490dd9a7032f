package io.surge.ticketing.platform.kafka;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

import io.surge.ticketing.contracts.Topics;

/**
 * Declares every platform topic in every Kafka-using service, so whichever starts first creates them with the
 * right partition count (creation is idempotent). Partitions bound the consumers' parallelism; keys by event
 * keep one event's inventory commands in order.
 */
@AutoConfiguration(after = KafkaAutoConfiguration.class)
@ConditionalOnClass(KafkaAdmin.class)
@ConditionalOnBean(KafkaAdmin.class)
@EnableConfigurationProperties(KafkaTopicSettings.class)
public class TopicsAutoConfiguration {

    @Bean
    KafkaAdmin.NewTopics ticketingTopics(KafkaTopicSettings settings) {
        int partitions = settings.partitions();
        short replicas = settings.replicas();
        return new KafkaAdmin.NewTopics(
                topic(Topics.CATALOG_EVENT_INVENTORY, partitions, replicas),
                topic(Topics.BOOKING_COMMANDS, partitions, replicas),
                topic(Topics.BOOKING_COMMANDS_DLT, 1, replicas),
                topic(Topics.BOOKING_EVENTS, partitions, replicas),
                // state, latest wins: compacted like the sale settings
                TopicBuilder.name(Topics.BOOKING_EVENT_AVAILABILITY).partitions(partitions).replicas(replicas)
                        .config(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT).build(),
                topic(Topics.BOOKING_REFUND_REQUESTS, partitions, replicas),
                topic(Topics.BOOKING_REFUND_REQUESTS_DLT, 1, replicas),
                TopicBuilder.name(Topics.SALE_SETTINGS).partitions(partitions).replicas(replicas)
                        .config(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT).build(),
                topic(Topics.PAYMENT_REQUESTS, partitions, replicas),
                topic(Topics.PAYMENT_EVENTS, partitions, replicas));
    }

    private static NewTopic topic(String name, int partitions, short replicas) {
        return TopicBuilder.name(name).partitions(partitions).replicas(replicas).build();
    }
}
