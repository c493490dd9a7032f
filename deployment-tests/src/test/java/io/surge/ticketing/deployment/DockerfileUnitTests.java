package io.surge.ticketing.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

class DockerfileUnitTests {

    private final DockerfileRules rules = new DockerfileRules();

    @Test
    void theOneDockerfileBuildsAnyServiceFromItsLayeredJar() {
        assertThat(rules.check(Builds.repository().read("docker/Dockerfile"))).isEmpty();
    }

    @Test
    void theBuildContextHoldsOnlyTheServiceJars() {
        List<String> lines = Builds.repository().read(".dockerignore").lines()
                .filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
        assertThat(lines).startsWith("*").contains("!*/target/*.jar");
    }

    @Test
    void builtServiceJarsHaveTheLayersAndTheLauncherTheImageUses() throws IOException {
        for (String module : Builds.repository().serviceModules()) {
            Path target = Builds.repository().path(module).resolve("target");
            if (!Files.isDirectory(target)) {
                continue;
            }
            try (Stream<Path> jars = Files.list(target)) {
                for (Path jar : jars.filter(p -> p.getFileName().toString().matches(module + "-.*\\.jar")).toList()) {
                    try (JarFile file = new JarFile(jar.toFile())) {
                        assertThat(file.getEntry("org/springframework/boot/loader/launch/JarLauncher.class")).as(jar.toString()).isNotNull();
                        String layers = new String(file.getInputStream(file.getEntry("BOOT-INF/layers.idx")).readAllBytes());
                        assertThat(layers).as(jar.toString()).containsSubsequence(DockerfileRules.LAYERS.stream()
                                .map(l -> "- \"" + l + "\":").toArray(String[]::new));
                    }
                }
            }
        }
    }

    @Test
    void layersCopiedOutOfOrderOrARootUserAreReported() {
        String dockerfile = Builds.repository().read("docker/Dockerfile");
        String swapped = dockerfile.replace("/build/extracted/dependencies/", "/build/extracted/TMP/")
                .replace("/build/extracted/application/", "/build/extracted/dependencies/")
                .replace("/build/extracted/TMP/", "/build/extracted/application/");
        assertThat(rules.check(swapped)).anySatisfy(p -> assertThat(p).contains("out of order"));
        assertThat(rules.check(dockerfile.replace("USER 10001:10001", "")))
                .anySatisfy(p -> assertThat(p).contains("runs as uid 10001"));
    }
}
