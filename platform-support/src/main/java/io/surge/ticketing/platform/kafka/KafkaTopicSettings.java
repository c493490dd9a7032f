package io.surge.ticketing.platform.kafka;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The shape of the topics a service creates ({@code ticketing.kafka.*}, shared by every Kafka-using service: the
 * platform's topics are declared by each of them, see {@link TopicsAutoConfiguration}). Creation is idempotent, so
 * these only matter to the first service that starts against an empty cluster (k8s declares the topics itself).
 *
 * @param partitions partitions of a platform topic (its dead-letter topics have one); they bound the consumers'
 *                   parallelism
 * @param replicas   replication factor ({@code TICKETING_KAFKA_REPLICAS}: 1 on the local single broker, 3 in prod)
 */
@ConfigurationProperties("ticketing.kafka")
public record KafkaTopicSettings(@DefaultValue("6") int partitions, @DefaultValue("1") short replicas) {
}
