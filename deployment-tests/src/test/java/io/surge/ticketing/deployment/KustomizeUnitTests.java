package io.surge.ticketing.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.fabric8.kubernetes.api.model.apps.Deployment;

class KustomizeUnitTests {

    @Test
    void everyKustomizationBuildsIntoValidObjects() {
        for (Path dir : Builds.kustomizations()) {
            assertThat(Manifests.build(dir).objects()).as(Builds.relative(dir)).isNotEmpty();
        }
    }

    @Test
    void theResolverBuildsExactlyWhatKubectlKustomizeBuilds() throws Exception {
        assumeTrue(onPath("kubectl"), "kubectl is not installed: the cross-check with kustomize is skipped");
        for (Path dir : Builds.kustomizations()) {
            Process process = new ProcessBuilder("kubectl", "kustomize", dir.toString()).redirectErrorStream(false).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            String errors = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).as("kubectl kustomize " + Builds.relative(dir) + ": " + errors).isZero();
            Map<String, Map<String, Object>> expected = byId(StrictYaml.documents(output, "kubectl kustomize").stream()
                    .map(d -> new Kustomize.Resource(d, "kubectl")).toList());
            Map<String, Map<String, Object>> actual = byId(Kustomize.build(dir));
            assertThat(actual.keySet()).as(Builds.relative(dir)).containsExactlyInAnyOrderElementsOf(expected.keySet());
            actual.forEach((id, document) -> assertThat(document).as(Builds.relative(dir) + " " + id).isEqualTo(expected.get(id)));
        }
    }

    @Test
    void overlaysSetNamespaceReplicasImagesAndPatchesAsKustomizeDoes(@TempDir Path dir) throws IOException {
        write(dir.resolve("base/kustomization.yaml"), """
                apiVersion: kustomize.config.k8s.io/v1beta1
                kind: Kustomization
                resources: [app.yaml]
                """);
        write(dir.resolve("base/app.yaml"), """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: app}
                spec:
                  selector: {matchLabels: {a: b}}
                  template:
                    metadata: {labels: {a: b}}
                    spec:
                      containers:
                        - name: app
                          image: ghcr.io/x/app:1
                          env: [{name: A, value: "1"}, {name: B, value: "2"}]
                          args: ["--one"]
                      volumes: [{name: tmp, emptyDir: {}}]
                """);
        write(dir.resolve("overlay/kustomization.yaml"), """
                apiVersion: kustomize.config.k8s.io/v1beta1
                kind: Kustomization
                namespace: shop
                resources: [../base]
                images: [{name: ghcr.io/x/app, newTag: "2"}]
                replicas: [{name: app, count: 3}]
                patches: [{path: patch.yaml}]
                """);
        write(dir.resolve("overlay/patch.yaml"), """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: app}
                spec:
                  template:
                    spec:
                      containers:
                        - name: app
                          env: [{name: B, value: "two"}, {name: C, value: "3"}]
                          args: ["--two"]
                      volumes: [{name: keys, secret: {secretName: k}}]
                """);
        Deployment app = Manifests.build(dir.resolve("overlay")).find(Deployment.class, "app").orElseThrow();
        var container = app.getSpec().getTemplate().getSpec().getContainers().get(0);
        assertThat(app.getMetadata().getNamespace()).isEqualTo("shop");
        assertThat(app.getSpec().getReplicas()).isEqualTo(3);
        assertThat(container.getImage()).isEqualTo("ghcr.io/x/app:2");
        assertThat(container.getEnv()).extracting(e -> e.getName() + "=" + e.getValue()).containsExactly("C=3", "A=1", "B=two");
        assertThat(container.getArgs()).containsExactly("--two");
        assertThat(app.getSpec().getTemplate().getSpec().getVolumes()).extracting(v -> v.getName()).containsExactly("keys", "tmp");
    }

    @Test
    void aPatchOfAnObjectTheBuildDoesNotHaveIsRefused(@TempDir Path dir) throws IOException {
        write(dir.resolve("kustomization.yaml"), """
                apiVersion: kustomize.config.k8s.io/v1beta1
                kind: Kustomization
                resources: [cm.yaml]
                patches: [{path: patch.yaml}]
                """);
        write(dir.resolve("cm.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\ndata: {X: \"1\"}\n");
        write(dir.resolve("patch.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: b}\ndata: {X: \"2\"}\n");
        assertThatThrownBy(() -> Kustomize.build(dir)).hasMessageContaining("no ConfigMap/b to patch");
    }

    @Test
    void aKustomizeFeatureTheResolverDoesNotImplementIsRefused(@TempDir Path dir) throws IOException {
        write(dir.resolve("kustomization.yaml"), """
                apiVersion: kustomize.config.k8s.io/v1beta1
                kind: Kustomization
                configMapGenerator:
                  - name: a
                    literals: [X=1]
                """);
        assertThatThrownBy(() -> Kustomize.build(dir)).hasMessageContaining("configMapGenerator is not supported");
    }

    @Test
    void anObjectDeclaredTwiceIsRefused(@TempDir Path dir) throws IOException {
        write(dir.resolve("kustomization.yaml"), """
                apiVersion: kustomize.config.k8s.io/v1beta1
                kind: Kustomization
                resources: [a.yaml, b.yaml]
                """);
        write(dir.resolve("a.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n");
        write(dir.resolve("b.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n");
        assertThatThrownBy(() -> Kustomize.build(dir)).hasMessageContaining("ConfigMap/a is declared twice");
    }

    private static Map<String, Map<String, Object>> byId(List<Kustomize.Resource> resources) {
        Map<String, Map<String, Object>> byId = new LinkedHashMap<>();
        resources.forEach(r -> byId.put(r.id(), r.document()));
        return byId;
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    private static boolean onPath(String command) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, command))) {
                return true;
            }
        }
        return false;
    }
}
