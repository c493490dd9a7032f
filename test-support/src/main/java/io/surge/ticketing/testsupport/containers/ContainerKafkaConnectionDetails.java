package io.surge.ticketing.testsupport.containers;

import java.util.List;

import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;

import io.surge.ticketing.testsupport.TestInfrastructure;

/**
 * The Kafka container, over {@code PLAINTEXT}: Boot applies this protocol over {@code spring.kafka.security.protocol},
 * so the SASL settings of {@code application.yml} go unused.
 */
final class ContainerKafkaConnectionDetails implements KafkaConnectionDetails {

    static void register(BeanDefinitionRegistry registry) {
        ContainerConnectionDetailsCustomizer.registerBean(registry, "ticketingContainerKafkaConnectionDetails",
                new RootBeanDefinition(KafkaConnectionDetails.class, ContainerKafkaConnectionDetails::new));
    }

    @Override
    public List<String> getBootstrapServers() {
        return List.of(TestInfrastructure.kafka().bootstrapServers());
    }

    @Override
    public String getSecurityProtocol() {
        return TestInfrastructure.kafka().securityProtocol();
    }
}
