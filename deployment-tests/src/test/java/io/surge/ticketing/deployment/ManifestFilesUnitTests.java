package io.surge.ticketing.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

class ManifestFilesUnitTests {

    @Test
    void everyFileUnderK8sIsStrictYamlAndEveryObjectMatchesTheKubernetesSchema() {
        List<String> problems = new ArrayList<>();
        for (Path file : Builds.kubernetesFiles()) {
            String origin = Builds.relative(file);
            try {
                if (file.getFileName().toString().equals(Kustomize.FILE)) {
                    Kustomize.kustomization(file.getParent());
                    continue;
                }
                for (Map<String, Object> document : StrictYaml.documents(Repository.read(file), origin)) {
                    KubernetesObjects.read(document, origin, problems);
                }
            } catch (RuntimeException e) {
                problems.add(e.getMessage());
            }
        }
        assertThat(problems).isEmpty();
        assertThat(Builds.kubernetesFiles()).hasSizeGreaterThan(20);
    }

    @Test
    void everyManifestFileIsReadBySomeKustomization() {
        Set<Path> used = new LinkedHashSet<>();
        Builds.kustomizations().forEach(dir -> used.addAll(Kustomize.filesUsed(dir)));
        List<String> unused = Builds.kubernetesFiles().stream().map(f -> f.toAbsolutePath().normalize())
                .filter(f -> !used.contains(f)).map(Builds::relative).toList();
        assertThat(unused).as("files no kustomization applies").isEmpty();
    }

    @Test
    void aDuplicatedKeyIsRefused() {
        assertThatThrownBy(() -> StrictYaml.documents("""
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: a
                data:
                  TICKETING_DB_HOST: one
                  TICKETING_DB_HOST: two
                """, "test")).isInstanceOf(StrictYaml.InvalidYaml.class).hasMessageContaining("duplicate key");
    }

    @Test
    void aFieldTheSchemaDoesNotHaveIsReported() {
        List<String> problems = problemsOf(Fixtures.booking("          image: ghcr.io",
                "          imagePullPolice: Always\n          image: ghcr.io"));
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("unknown field(s) [imagePullPolice]"));
    }

    @Test
    void aNumberOrBooleanWhereKubernetesWantsAStringIsRefused() {
        assertThat(problemsOf(Fixtures.booking("TICKETING_DB_PORT: \"5432\"", "TICKETING_DB_PORT: 5432")))
                .anySatisfy(p -> assertThat(p).contains("ConfigMap/booking-service-config").contains("not a valid ConfigMap"));
        assertThat(problemsOf("""
                apiVersion: v1
                kind: Pod
                metadata:
                  name: p
                spec:
                  containers:
                    - name: c
                      image: x
                      env:
                        - name: FLAG
                          value: true
                """)).anySatisfy(p -> assertThat(p).contains("not a valid Pod"));
    }

    @Test
    void aMisspelledKindIsReported() {
        assertThat(problemsOf("""
                apiVersion: apps/v1
                kind: Deploymnet
                metadata:
                  name: x
                spec: {}
                """)).anySatisfy(p -> assertThat(p).contains("unknown kind Deploymnet"));
    }

    @Test
    void aCustomResourceWithoutWhatItsOperatorNeedsIsReported() {
        assertThat(problemsOf("""
                apiVersion: keda.sh/v1alpha1
                kind: ScaledObject
                metadata:
                  name: x
                spec:
                  triggers: []
                """)).anySatisfy(p -> assertThat(p).contains("spec.scaleTargetRef.name is required"));
    }

    @Test
    void anInvalidQuantityIsReported() {
        assertThat(problemsOf(Fixtures.booking("memory: 768Mi", "memory: 768Mb")))
                .anySatisfy(p -> assertThat(p).contains("invalid quantity"));
    }

    private static List<String> problemsOf(String yaml) {
        List<String> problems = new ArrayList<>();
        for (Map<String, Object> document : StrictYaml.documents(yaml, "test")) {
            KubernetesObjects.read(document, "test", problems);
        }
        return problems;
    }
}
