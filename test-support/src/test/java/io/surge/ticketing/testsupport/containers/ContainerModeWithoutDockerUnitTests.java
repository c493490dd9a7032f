package io.surge.ticketing.testsupport.containers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.testcontainers.DockerClientFactory;

import io.surge.ticketing.testsupport.TestInfrastructure;

/** On a machine without a Docker engine (the project's), container mode says so at once instead of hanging. */
class ContainerModeWithoutDockerUnitTests {

    private String mode;

    @BeforeEach
    void containerMode() {
        assumeThat(DockerClientFactory.instance().isDockerAvailable()).as("a Docker engine is reachable").isFalse();
        mode = System.setProperty(TestInfrastructure.CONTAINERS_PROPERTY, "true");
    }

    @AfterEach
    void modeAsItWas() {
        if (mode == null) {
            System.clearProperty(TestInfrastructure.CONTAINERS_PROPERTY);
        } else {
            System.setProperty(TestInfrastructure.CONTAINERS_PROPERTY, mode);
        }
    }

    @Test
    @Timeout(30)
    void everyContainerIsRefusedAtOnceWithTheReasonAndTheWayOut() {
        long started = System.nanoTime();
        assertThatIllegalStateException().isThrownBy(TestInfrastructure::postgres)
                .withMessageContaining("PostgreSQL container not started")
                .withMessageContaining("needs a Docker engine, and none is reachable")
                .withMessageContaining("without -Ptestcontainers");
        assertThatIllegalStateException().isThrownBy(TestInfrastructure::kafka).withMessageContaining("Kafka container");
        assertThatIllegalStateException().isThrownBy(TestInfrastructure::redis).withMessageContaining("Redis container");
        assertThatIllegalStateException().isThrownBy(TestInfrastructure::elasticsearch)
                .withMessageContaining("Elasticsearch container");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
    }
}
