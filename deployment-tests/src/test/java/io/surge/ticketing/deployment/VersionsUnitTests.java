package io.surge.ticketing.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

class VersionsUnitTests {

    private final VersionRules rules = new VersionRules(Builds.repository());

    @Test
    void composeAndKubernetesRunTheDataStoreVersionsTheLauncherRuns() {
        assertThat(rules.checkCompose(Builds.compose())).isEmpty();
        assertThat(rules.checkInfrastructure(Builds.infrastructure())).isEmpty();
    }

    @Test
    void anotherElasticsearchOrKafkaVersionIsReported() {
        Map<String, Object> compose = StrictYaml.single("""
                services:
                  elasticsearch: {image: "docker.elastic.co/elasticsearch/elasticsearch:8.18.0"}
                  kafka: {image: "apache/kafka:3.9.0"}
                """, "test");
        assertThat(rules.checkCompose(compose)).hasSize(2);
        Manifests infrastructure = Manifests.of("""
                apiVersion: elasticsearch.k8s.elastic.co/v1
                kind: Elasticsearch
                metadata: {name: es}
                spec: {version: 8.18.0, nodeSets: []}
                """);
        assertThat(rules.checkInfrastructure(infrastructure))
                .singleElement().satisfies(p -> assertThat(p).contains("version 8.18.0, the launcher runs"));
    }
}
