package io.surge.ticketing.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Volume;

class SecretsUnitTests {

    private final SecretRules rules = new SecretRules();

    @Test
    void noCommittedDeploymentFileHoldsASecretValue() {
        List<String> problems = new ArrayList<>();
        for (Path file : Builds.kubernetesFiles()) {
            String text = Repository.read(file);
            problems.addAll(rules.check(Builds.relative(file), text, StrictYaml.documents(text, Builds.relative(file))));
        }
        String compose = Builds.repository().read("docker-compose.yml");
        problems.addAll(rules.check("docker-compose.yml", compose, List.of(Builds.compose())));
        assertThat(problems).isEmpty();
    }

    @Test
    void everySecretTheManifestsReadIsDocumentedInTheReadme() {
        String readme = Builds.repository().read("k8s/README.md");
        List<String> references = new ArrayList<>();
        for (Manifests build : List.of(Builds.prod(), Builds.local(), Builds.infrastructure())) {
            for (Manifests.Workload workload : build.workloads()) {
                for (Container container : workload.containers()) {
                    for (EnvVar env : container.getEnv() == null ? List.<EnvVar>of() : container.getEnv()) {
                        if (env.getValueFrom() != null && env.getValueFrom().getSecretKeyRef() != null) {
                            references.add(env.getValueFrom().getSecretKeyRef().getName() + "/"
                                    + env.getValueFrom().getSecretKeyRef().getKey());
                        }
                    }
                }
                for (Volume volume : workload.template().getSpec().getVolumes() == null
                        ? List.<Volume>of() : workload.template().getSpec().getVolumes()) {
                    if (volume.getSecret() != null) {
                        references.add(volume.getSecret().getSecretName() + "/");
                    }
                }
            }
        }
        assertThat(references).isNotEmpty().allSatisfy(reference -> {
            String name = reference.substring(0, reference.indexOf('/'));
            String key = reference.substring(reference.indexOf('/') + 1);
            // the Secrets the Strimzi User Operator writes for the KafkaUsers are documented by their pattern
            assertThat(readme).as(reference).contains("`" + (name.startsWith("kafka-") ? "kafka-<user>" : name) + "`");
            assertThat(readme).as(reference).contains(key);
        });
    }

    @Test
    void theEnvironmentTemplateForComposeHasNoValuesForSecrets() {
        Builds.repository().read("docker/env.example").lines()
                .filter(line -> !line.startsWith("#") && line.contains("="))
                .filter(line -> SecretRules.SECRET_NAME.matcher(line.substring(0, line.indexOf('='))).matches())
                .forEach(line -> assertThat(line).as("docker/env.example").endsWith("="));
    }

    @Test
    void aSecretObjectWithDataIsReported() {
        String yaml = "apiVersion: v1\nkind: Secret\nmetadata: {name: s}\nstringData: {db-password: hunter2}\n";
        assertThat(rules.check("test", yaml, StrictYaml.documents(yaml, "test")))
                .anySatisfy(p -> assertThat(p).contains("a Secret with data is committed"));
    }

    @Test
    void aLiteralPasswordOrAPrivateKeyIsReportedButAPathIsNot() {
        String yaml = Fixtures.booking("""
                - name: TICKETING_DB_PASSWORD
                  valueFrom:
                    secretKeyRef:
                      name: ticketing-secrets
                      key: db-password
                """.indent(12), """
                - name: TICKETING_DB_PASSWORD
                  value: hunter2
                - name: TICKETING_JWT_PRIVATE_KEY
                  value: /etc/ticketing/jwt/jwt-private.pem
                """.indent(12)) + "# -----BEGIN PRIVATE KEY-----\n";
        List<String> problems = rules.check("test", yaml, StrictYaml.documents(yaml, "test"));
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("env TICKETING_DB_PASSWORD holds a literal secret"))
                .anySatisfy(p -> assertThat(p).contains("contains a PEM key"))
                .noneSatisfy(p -> assertThat(p).contains("TICKETING_JWT_PRIVATE_KEY"));
    }
}
