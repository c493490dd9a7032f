package io.surge.ticketing.deployment;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;

/**
 * The data stores run the versions the launcher runs and the tests are run against: Elasticsearch (ES_VERSION in
 * ./ticketing) and Kafka (infra/kafka/pom.xml), in docker-compose.yml and in k8s/infra alike.
 */
final class VersionRules {

    private final Repository repository;

    VersionRules(Repository repository) {
        this.repository = repository;
    }

    List<String> checkCompose(Map<String, Object> compose) {
        List<String> problems = new ArrayList<>();
        String es = repository.launcherElasticsearchVersion();
        String kafka = repository.launcherKafkaVersion();
        for (Map.Entry<String, Object> entry : ComposeRules.map(compose.get("services")).entrySet()) {
            Object image = ComposeRules.map(entry.getValue()).get("image");
            if (!(image instanceof String text)) {
                continue;
            }
            String name = Kustomize.imageName(text);
            String tag = Kustomize.imageTag(text);
            if (name.endsWith("/elasticsearch") && !es.equals(tag)) {
                problems.add("compose service " + entry.getKey() + ": Elasticsearch " + tag + ", the launcher runs " + es);
            }
            if (name.equals("apache/kafka") && !kafka.equals(tag)) {
                problems.add("compose service " + entry.getKey() + ": Kafka " + tag + ", the launcher runs " + kafka);
            }
        }
        return problems;
    }

    List<String> checkInfrastructure(Manifests infrastructure) {
        List<String> problems = new ArrayList<>();
        for (GenericKubernetesResource es : infrastructure.custom("Elasticsearch")) {
            Object version = KubernetesObjects.spec(es).get("version");
            if (!repository.launcherElasticsearchVersion().equals(version)) {
                problems.add("Elasticsearch/" + es.getMetadata().getName() + ": version " + version + ", the launcher runs "
                        + repository.launcherElasticsearchVersion());
            }
        }
        for (GenericKubernetesResource kafka : infrastructure.custom("Kafka")) {
            Object version = ComposeRules.map(KubernetesObjects.spec(kafka).get("kafka")).get("version");
            if (!repository.launcherKafkaVersion().equals(version)) {
                problems.add("Kafka/" + kafka.getMetadata().getName() + ": version " + version + ", the launcher runs "
                        + repository.launcherKafkaVersion());
            }
        }
        return problems;
    }
}
