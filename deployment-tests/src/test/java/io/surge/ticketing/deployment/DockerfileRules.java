package io.surge.ticketing.deployment;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * docker/Dockerfile is the one recipe for every service: SERVICE selects the module's Boot jar, the layered jar is
 * extracted (Boot 3.5's tools jar mode) and copied least-changing layer first onto the Java 17 JRE, the process
 * runs as uid 10001 with its heap sized from the container's memory, started by Boot's JarLauncher.
 */
final class DockerfileRules {

    static final List<String> LAYERS = List.of("dependencies", "spring-boot-loader", "snapshot-dependencies", "application");

    List<String> check(String dockerfile) {
        List<String> problems = new ArrayList<>();
        require(dockerfile, "(?m)^ARG SERVICE\\s*$", "declares ARG SERVICE", problems);
        require(dockerfile, "(?m)^COPY \\$\\{SERVICE}/target/\\$\\{SERVICE}-\\*\\.jar ", "copies ${SERVICE}/target/${SERVICE}-*.jar", problems);
        require(dockerfile, "java -Djarmode=tools -jar app\\.jar extract --layers --launcher", "extracts the layered jar (jarmode tools)", problems);
        require(dockerfile, "eclipse-temurin:17-jre", "runs on eclipse-temurin:17-jre", problems);
        require(dockerfile, "(?m)^USER 10001(:10001)?\\s*$", "runs as uid 10001", problems);
        require(dockerfile, "JAVA_TOOL_OPTIONS=\"[^\"]*-XX:MaxRAMPercentage=75[^\"]*\"", "sizes the heap with -XX:MaxRAMPercentage=75", problems);
        require(dockerfile, "JAVA_TOOL_OPTIONS=\"[^\"]*-XX:\\+ExitOnOutOfMemoryError[^\"]*\"", "exits on OutOfMemoryError", problems);
        require(dockerfile, "(?m)^ENTRYPOINT \\[\"java\",\\s*\"org\\.springframework\\.boot\\.loader\\.launch\\.JarLauncher\"]\\s*$",
                "starts org.springframework.boot.loader.launch.JarLauncher", problems);
        int previous = -1;
        for (String layer : LAYERS) {
            int at = dockerfile.indexOf("COPY --from=extract /build/extracted/" + layer + "/");
            if (at < 0) {
                problems.add("Dockerfile: does not copy the " + layer + " layer");
            } else if (at < previous) {
                problems.add("Dockerfile: copies the " + layer + " layer out of order (" + LAYERS + ")");
            }
            previous = Math.max(previous, at);
        }
        if (Pattern.compile("(?m)^HEALTHCHECK .*curl").matcher(dockerfile).find()) {
            problems.add("Dockerfile: a HEALTHCHECK with curl, which the JRE image does not have");
        }
        return problems;
    }

    private static void require(String text, String regex, String what, List<String> problems) {
        if (!Pattern.compile(regex).matcher(text).find()) {
            problems.add("Dockerfile: " + what);
        }
    }
}
