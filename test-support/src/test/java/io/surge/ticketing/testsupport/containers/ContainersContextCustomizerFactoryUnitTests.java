package io.surge.ticketing.testsupport.containers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.data.redis.autoconfigure.DataRedisConnectionDetails;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.test.context.ContextCustomizer;
import org.testcontainers.DockerClientFactory;

import io.surge.ticketing.testsupport.TestInfrastructure;

class ContainersContextCustomizerFactoryUnitTests {

    private final ContainersContextCustomizerFactory factory = new ContainersContextCustomizerFactory();
    private final String mode = System.getProperty(TestInfrastructure.CONTAINERS_PROPERTY);

    @AfterEach
    void modeAsItWas() {
        if (mode == null) {
            System.clearProperty(TestInfrastructure.CONTAINERS_PROPERTY);
        } else {
            System.setProperty(TestInfrastructure.CONTAINERS_PROPERTY, mode);
        }
    }

    @Test
    void withTheLaunchersStackASpringTestContextIsLeftAsItIs() {
        System.clearProperty(TestInfrastructure.CONTAINERS_PROPERTY);

        assertThat(factory.createContextCustomizer(getClass(), List.of())).isNull();
    }

    @Test
    void inContainerModeTheContainersComeInAsConnectionDetailsThatStartNothingUntilRead() {
        System.setProperty(TestInfrastructure.CONTAINERS_PROPERTY, "true");
        ContextCustomizer customizer = factory.createContextCustomizer(getClass(), List.of());
        try (GenericApplicationContext context = new GenericApplicationContext()) {
            customizer.customizeContext(context, null);

            assertThat(context.getDefaultListableBeanFactory().getBeanNamesForType(JdbcConnectionDetails.class)).hasSize(1);
            assertThat(context.getDefaultListableBeanFactory().getBeanNamesForType(DataRedisConnectionDetails.class)).hasSize(1);
            assertThat(context.getDefaultListableBeanFactory().getBeanNamesForType(KafkaConnectionDetails.class)).hasSize(1);
            assertThat(context.getEnvironment().getPropertySources().contains("ticketingElasticsearchContainer")).isTrue();
            assertThat(context.getEnvironment().getProperty("spring.elasticsearch.connection-timeout")).isNull();
        }
        // one customizer for every test class: Spring's context cache is not split by it
        assertThat(factory.createContextCustomizer(String.class, List.of())).isEqualTo(customizer)
                .hasSameHashCodeAs(customizer);
    }

    @Test
    void aContextThatConnectsWithoutADockerEngineFailsSayingSo() {
        assumeFalse(DockerClientFactory.instance().isDockerAvailable(), "a Docker engine is reachable");
        System.setProperty(TestInfrastructure.CONTAINERS_PROPERTY, "true");
        try (GenericApplicationContext context = new GenericApplicationContext()) {
            factory.createContextCustomizer(getClass(), List.of()).customizeContext(context, null);
            context.refresh();

            assertThatThrownBy(() -> context.getBean(JdbcConnectionDetails.class).getJdbcUrl())
                    .hasMessageContaining("needs a Docker engine, and none is reachable");
        }
    }
}
