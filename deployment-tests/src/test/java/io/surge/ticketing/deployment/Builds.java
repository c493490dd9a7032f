package io.surge.ticketing.deployment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** The repository's deployment files, built once per test run. */
final class Builds {

    private static Manifests local;
    private static Manifests prod;
    private static Manifests infrastructure;

    private Builds() {
    }

    static Repository repository() {
        return Repository.current();
    }

    static synchronized Manifests local() {
        if (local == null) {
            local = Manifests.build(repository().path("k8s/overlays/local"));
        }
        return local;
    }

    static synchronized Manifests prod() {
        if (prod == null) {
            prod = Manifests.build(repository().path("k8s/overlays/prod"));
        }
        return prod;
    }

    static synchronized Manifests infrastructure() {
        if (infrastructure == null) {
            infrastructure = Manifests.build(repository().path("k8s/infra"));
        }
        return infrastructure;
    }

    /** A new build of a kustomization (k8s/...), for a test to change objects in without touching the shared ones. */
    static Manifests fresh(String kustomization) {
        return Manifests.build(repository().path(kustomization));
    }

    static List<Manifests> overlays() {
        return List.of(local(), prod());
    }

    static Map<String, Object> compose() {
        return StrictYaml.single(repository().read("docker-compose.yml"), "docker-compose.yml");
    }

    /** Every YAML file under k8s/. */
    static List<Path> kubernetesFiles() {
        try (Stream<Path> files = Files.walk(repository().path("k8s"))) {
            return files.filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every folder under k8s/ with a kustomization. */
    static List<Path> kustomizations() {
        return kubernetesFiles().stream().filter(f -> f.getFileName().toString().equals(Kustomize.FILE))
                .map(Path::getParent).toList();
    }

    static String relative(Path file) {
        return repository().root().relativize(file).toString();
    }
}
