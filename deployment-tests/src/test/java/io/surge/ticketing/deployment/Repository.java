package io.surge.ticketing.deployment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The repository the deployment files describe: its root (found by walking up from this module), the Maven modules
 * of the root pom, and the few facts the launcher and the build pin (versions).
 */
record Repository(Path root) {

    private static final Repository CURRENT = locate(Path.of("").toAbsolutePath());

    static Repository current() {
        return CURRENT;
    }

    static Repository locate(Path start) {
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            Path pom = dir.resolve("pom.xml");
            // the aggregator: the children name ticketing-parent too, as their parent, but have no modules
            if (Files.isRegularFile(pom) && read(pom).contains("<artifactId>ticketing-parent</artifactId>")
                    && read(pom).contains("<modules>")) {
                return new Repository(dir);
            }
        }
        throw new IllegalStateException("no ticketing-parent pom.xml above " + start);
    }

    Path path(String relative) {
        return root.resolve(relative);
    }

    String read(String relative) {
        return read(path(relative));
    }

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The root pom's {@code <modules>}, in order. */
    List<String> modules() {
        Element project = rootPom().getDocumentElement();
        NodeList modules = ((Element) project.getElementsByTagName("modules").item(0)).getElementsByTagName("module");
        List<String> names = new ArrayList<>();
        for (int i = 0; i < modules.getLength(); i++) {
            names.add(modules.item(i).getTextContent().trim());
        }
        return names;
    }

    /** Modules that are Spring Boot services: they have their own application.yml. */
    List<String> serviceModules() {
        return modules().stream()
                .filter(m -> Files.isRegularFile(path(m).resolve("src/main/resources/application.yml")))
                .toList();
    }

    String projectVersion() {
        NodeList children = rootPom().getDocumentElement().getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            if (children.item(i) instanceof Element e && e.getTagName().equals("version")) {
                return e.getTextContent().trim();
            }
        }
        throw new IllegalStateException("the root pom has no <version>");
    }

    /** The Elasticsearch version the launcher installs ({@code ES_VERSION} in ./ticketing). */
    String launcherElasticsearchVersion() {
        return find(read("ticketing"), "(?m)^ES_VERSION=\"([^\"]+)\"", "ES_VERSION in ./ticketing");
    }

    /** The Kafka broker version the launcher runs ({@code kafka.version} of infra/kafka/pom.xml). */
    String launcherKafkaVersion() {
        return find(read("infra/kafka/pom.xml"), "<kafka.version>([^<]+)</kafka.version>", "kafka.version in infra/kafka/pom.xml");
    }

    /** Main Java sources of a module. */
    List<Path> mainSources(String module) {
        Path dir = path(module).resolve("src/main/java");
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The modules of this repository a module depends on (its io.surge.ticketing dependencies), itself first. */
    List<String> moduleWithTicketingDependencies(String module) {
        List<String> result = new ArrayList<>(List.of(module));
        Matcher m = Pattern.compile("<groupId>io\\.surge\\.ticketing</groupId>\\s*<artifactId>([^<]+)</artifactId>")
                .matcher(read(path(module).resolve("pom.xml")));
        while (m.find()) {
            if (!m.group(1).equals("ticketing-parent") && !result.contains(m.group(1))) {
                result.add(m.group(1));
            }
        }
        return result;
    }

    private Document rootPom() {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder().parse(path("pom.xml").toFile());
        } catch (Exception e) {
            throw new IllegalStateException("cannot parse the root pom.xml", e);
        }
    }

    private static String find(String text, String regex, String what) {
        Matcher m = Pattern.compile(regex).matcher(text);
        if (!m.find()) {
            throw new IllegalStateException(what + " not found");
        }
        return m.group(1);
    }
}
