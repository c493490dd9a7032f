package io.surge.ticketing.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class KafkaUnitTests {

    private final KafkaRules rules = new KafkaRules(Builds.repository());

    @Test
    void theKafkaTopicsAreExactlyTheTopicsTheCodeDeclares() {
        assertThat(rules.declaredTopics()).containsKeys("booking.commands", "payment.requests", "waitingroom.sale-settings");
        assertThat(rules.declaredTopics().get("waitingroom.sale-settings").compacted()).isTrue();
        assertThat(rules.declaredTopics().get("booking.commands.dlt").partitions()).isEqualTo(1);
        assertThat(rules.checkTopics(Builds.infrastructure())).isEmpty();
    }

    @Test
    void theKedaKafkaTriggersWatchTheConsumerGroupsAndTopicsOfTheServicesTheyScale() {
        assertThat(Builds.prod().custom("ScaledObject")).hasSize(3);
        assertThat(rules.checkScaledObjects(Builds.prod())).isEmpty();
    }

    @Test
    void aMissingTopicOrAWrongPartitionCountIsReported() {
        Manifests topics = Manifests.of("""
                apiVersion: kafka.strimzi.io/v1beta2
                kind: KafkaTopic
                metadata: {name: booking.commands}
                spec: {partitions: 12}
                ---
                apiVersion: kafka.strimzi.io/v1beta2
                kind: KafkaTopic
                metadata: {name: booking.command}
                spec: {partitions: 6}
                """);
        assertThat(rules.checkTopics(topics))
                .anySatisfy(p -> assertThat(p).contains("KafkaTopic booking.commands: 12 partitions, the code declares 6"))
                .anySatisfy(p -> assertThat(p).contains("KafkaTopic payment.requests is missing"))
                .anySatisfy(p -> assertThat(p).contains("KafkaTopic booking.command is no topic of contracts Topics"))
                .anySatisfy(p -> assertThat(p).contains("KafkaTopic waitingroom.sale-settings is missing"));
    }

    @Test
    void aTriggerOnAnotherGroupOrTopicOrBeyondThePartitionsIsReported() {
        List<String> problems = rules.checkScaledObjects(Manifests.of(Fixtures.bookingWith("""
                apiVersion: keda.sh/v1alpha1
                kind: ScaledObject
                metadata:
                  name: booking-service
                spec:
                  scaleTargetRef: {name: booking-service}
                  maxReplicaCount: 12
                  triggers:
                    - type: kafka
                      metadata:
                        bootstrapServers: kafka:9092
                        consumerGroup: booking
                        topic: booking.commands
                        lagThreshold: "100"
                        offsetResetPolicy: latest
                """)));
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("consumer group booking is used by no listener"))
                .anySatisfy(p -> assertThat(p).contains("maxReplicaCount 12 exceeds the 6 partitions"))
                .anySatisfy(p -> assertThat(p).contains("offsetResetPolicy latest, but booking-service resets to earliest"))
                .anySatisfy(p -> assertThat(p).contains("bootstrapServers kafka:9092, but booking-service uses "
                        + "ticketing-kafka-kafka-bootstrap.ticketing-data.svc:9092"));
    }
}
