package io.surge.ticketing.payment.refund;

import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.TopicPartition;
import org.springframework.boot.kafka.autoconfigure.ConcurrentKafkaListenerContainerFactoryConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ContainerProperties.AckMode;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

import io.surge.ticketing.contracts.Topics;
import io.surge.ticketing.payment.refund.CancellationRefunds.PoisonRefundRequest;
import io.surge.ticketing.platform.kafka.KafkaTopicSettings;

/**
 * The refund-requests consumer's container: offsets committed record by record after the work, failures retried with
 * back-off for as long as they last (as booking-service's consumers do: a provider or booking-service outage holds
 * the partition, never skips a record), poison records published to the dead-letter topic and then committed.
 */
@Configuration(proxyBeanMethods = false)
class RefundKafkaConfiguration {

    static final String CONTAINER_FACTORY = "refundListenerContainerFactory";

    @Bean(CONTAINER_FACTORY)
    ConcurrentKafkaListenerContainerFactory<Object, Object> refundListenerContainerFactory(
            ConcurrentKafkaListenerContainerFactoryConfigurer configurer, ConsumerFactory<Object, Object> consumers,
            KafkaTemplate<Object, Object> kafka, RefundProperties properties) {
        ConcurrentKafkaListenerContainerFactory<Object, Object> factory = new ConcurrentKafkaListenerContainerFactory<>();
        configurer.configure(factory, consumers);
        factory.getContainerProperties().setAckMode(AckMode.RECORD);
        factory.setCommonErrorHandler(refundErrorHandler(kafka, properties.deadLetterTopic()));
        return factory;
    }

    static DefaultErrorHandler refundErrorHandler(KafkaTemplate<Object, Object> kafka, String deadLetterTopic) {
        DeadLetterPublishingRecoverer toDeadLetters = new DeadLetterPublishingRecoverer(kafka,
                (record, failure) -> new TopicPartition(deadLetterTopic, -1));
        ExponentialBackOff backOff = new ExponentialBackOff(200, 2.0);
        backOff.setMaxInterval(5_000);
        DefaultErrorHandler handler = new DefaultErrorHandler(toDeadLetters, backOff);
        handler.addNotRetryableExceptions(PoisonRefundRequest.class);
        handler.setCommitRecovered(true);
        handler.setAckAfterHandle(false);
        return handler;
    }

    /**
     * The platform's requests topic and its dead-letter topic are declared with the other topics (platform-support);
     * topics of our own choosing (a test's) are declared here, with the same shapes.
     */
    @Bean
    KafkaAdmin.NewTopics refundTopics(RefundProperties properties, KafkaTopicSettings shape) {
        int partitions = shape.partitions();
        short replicas = shape.replicas();
        List<NewTopic> topics = new ArrayList<>();
        if (!Topics.BOOKING_REFUND_REQUESTS_DLT.equals(properties.deadLetterTopic())) {
            topics.add(TopicBuilder.name(properties.deadLetterTopic()).partitions(1).replicas(replicas).build());
        }
        if (!Topics.BOOKING_REFUND_REQUESTS.equals(properties.requestsTopic())) {
            topics.add(TopicBuilder.name(properties.requestsTopic()).partitions(partitions).replicas(replicas).build());
        }
        return new KafkaAdmin.NewTopics(topics.toArray(NewTopic[]::new));
    }
}
