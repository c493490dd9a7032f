package io.surge.ticketing.deployment;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * What one service reads, so that a deployment can set nothing else: the {@code ${NAME}} placeholders and the keys
 * of its application.yml, the {@code ${...}} placeholders of its (and its shared modules') Java sources, Spring
 * Boot's own properties (configuration metadata on the classpath) and the service's generated metadata, each in
 * its environment-variable form (relaxed binding: upper case, dots and brackets to '_', dashes removed).
 */
final class ServiceSettings {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}:]+)(?::([^}]*))?}");
    private static final Pattern ENV_STYLE = Pattern.compile("[A-Z][A-Z0-9_]*");
    private static final Pattern MACHINE_LOCAL = Pattern.compile("127\\.0\\.0\\.1|localhost|^\\.ticketing");
    private static final Set<String> JVM_VARIABLES = Set.of("JAVA_TOOL_OPTIONS", "JAVA_OPTS");
    private static final Map<String, ServiceSettings> CACHE = new ConcurrentHashMap<>();
    private static volatile BootMetadata boot;

    private final String module;
    /** application.yml documents: profile (null for the default document) to flattened leaves. */
    private final List<Map.Entry<String, Map<String, String>>> documents;
    private final Set<String> readable = new LinkedHashSet<>();
    private final Set<String> mapPrefixes = new LinkedHashSet<>();

    private ServiceSettings(String module, List<Map.Entry<String, Map<String, String>>> documents) {
        this.module = module;
        this.documents = documents;
    }

    static ServiceSettings of(Repository repository, String module) {
        return CACHE.computeIfAbsent(repository.root() + "|" + module, k -> load(repository, module));
    }

    String module() {
        return module;
    }

    /** Whether an environment variable of this name reaches a property the service reads. */
    boolean reads(String variable) {
        return readable.contains(variable) || JVM_VARIABLES.contains(variable)
                || mapPrefixes.stream().anyMatch(p -> variable.startsWith(p + "_"));
    }

    /** The profiles active when SPRING_PROFILES_ACTIVE has this value (null: not set, the yml's default profile). */
    Set<String> activeProfiles(String springProfilesActive) {
        String value = springProfilesActive != null ? springProfilesActive
                : value("spring.profiles.default", Set.of()).orElse("default");
        Set<String> profiles = new LinkedHashSet<>();
        for (String p : value.split(",")) {
            if (!p.isBlank()) {
                profiles.add(p.trim());
            }
        }
        return profiles;
    }

    /**
     * Environment variables that must be set: placeholders without a default (in the default document and the
     * active profiles' ones), and placeholders or keys whose value only makes sense on the launcher's machine
     * (127.0.0.1, localhost, the .ticketing state folder) in the default document.
     */
    Set<String> requiredVariables(Set<String> activeProfiles) {
        Set<String> required = new LinkedHashSet<>();
        for (Map.Entry<String, Map<String, String>> document : documents) {
            boolean isDefault = document.getKey() == null;
            if (!isDefault && !activeProfiles.contains(document.getKey())) {
                continue;
            }
            for (Map.Entry<String, String> leaf : document.getValue().entrySet()) {
                Matcher m = PLACEHOLDER.matcher(leaf.getValue());
                boolean localOutsidePlaceholders = isDefault
                        && MACHINE_LOCAL.matcher(PLACEHOLDER.matcher(leaf.getValue()).replaceAll("")).find();
                while (m.find()) {
                    String name = m.group(1);
                    if (!ENV_STYLE.matcher(name).matches()) {
                        continue;
                    }
                    if (m.group(2) == null || (isDefault && MACHINE_LOCAL.matcher(m.group(2)).find())) {
                        required.add(name);
                    }
                }
                if (localOutsidePlaceholders) {
                    required.add(envName(leaf.getKey()));
                }
            }
        }
        return required;
    }

    /** A property's value in the yml (placeholders unresolved), the last active document winning. */
    Optional<String> value(String key, Set<String> activeProfiles) {
        String value = null;
        for (Map.Entry<String, Map<String, String>> document : documents) {
            if ((document.getKey() == null || activeProfiles.contains(document.getKey()))
                    && document.getValue().containsKey(key)) {
                value = document.getValue().get(key);
            }
        }
        return Optional.ofNullable(value);
    }

    /** A property's value with ${NAME:default} resolved from the given environment, else from its default. */
    Optional<String> resolved(String key, Set<String> activeProfiles, Map<String, String> environment) {
        return value(key, activeProfiles).map(v -> {
            Matcher m = PLACEHOLDER.matcher(v);
            StringBuilder out = new StringBuilder();
            while (m.find()) {
                String replacement = environment.containsKey(m.group(1)) ? environment.get(m.group(1))
                        : m.group(2) != null ? m.group(2) : "";
                m.appendReplacement(out, Matcher.quoteReplacement(replacement));
            }
            m.appendTail(out);
            return out.toString();
        });
    }

    /** The HTTP port the service listens on under this environment (server.port, Boot's default 8080). */
    int port(Map<String, String> environment) {
        if (environment.containsKey("SERVER_PORT")) {
            return Integer.parseInt(environment.get("SERVER_PORT"));
        }
        return Integer.parseInt(resolved("server.port", activeProfiles(environment.get("SPRING_PROFILES_ACTIVE")),
                environment).orElse("8080"));
    }

    /** The port Actuator listens on under this environment (management.server.port; without it, server.port's). */
    int managementPort(Map<String, String> environment) {
        if (environment.containsKey("MANAGEMENT_SERVER_PORT")) {
            return Integer.parseInt(environment.get("MANAGEMENT_SERVER_PORT"));
        }
        return resolved("management.server.port", activeProfiles(environment.get("SPRING_PROFILES_ACTIVE")), environment)
                .filter(v -> !v.isBlank()).map(Integer::parseInt).orElseGet(() -> port(environment));
    }

    /** The variable server.port is read from (TICKETING_GATEWAY_PORT for ${TICKETING_GATEWAY_PORT:8080}), if any. */
    Optional<String> portVariable() {
        return value("server.port", Set.of()).map(PLACEHOLDER::matcher).filter(Matcher::find).map(m -> m.group(1));
    }

    /** The properties the yml sets for these profiles (the default document and the profiles' ones). */
    Set<String> keys(Set<String> activeProfiles) {
        Set<String> keys = new LinkedHashSet<>();
        for (Map.Entry<String, Map<String, String>> document : documents) {
            if (document.getKey() == null || activeProfiles.contains(document.getKey())) {
                keys.addAll(document.getValue().keySet());
            }
        }
        return keys;
    }

    /** spring.lifecycle.timeout-per-shutdown-phase (Boot's default: 30 s). */
    Duration shutdownPhase(Map<String, String> environment) {
        String value = environment.getOrDefault("SPRING_LIFECYCLE_TIMEOUTPERSHUTDOWNPHASE",
                resolved("spring.lifecycle.timeout-per-shutdown-phase",
                        activeProfiles(environment.get("SPRING_PROFILES_ACTIVE")), environment).orElse("30s"));
        return parseDuration(value);
    }

    boolean gracefulShutdown(Map<String, String> environment) {
        String value = environment.getOrDefault("SERVER_SHUTDOWN", resolved("server.shutdown",
                activeProfiles(environment.get("SPRING_PROFILES_ACTIVE")), environment).orElse(""));
        return value.equalsIgnoreCase("graceful");
    }

    /** Relaxed binding's environment form of a property name. */
    static String envName(String property) {
        return property.replace("[", "_").replace("]", "").replace('.', '_').replace("-", "")
                .toUpperCase(Locale.ROOT);
    }

    static Duration parseDuration(String value) {
        Matcher m = Pattern.compile("(\\d+)\\s*(ms|s|m|h)?").matcher(value.trim());
        if (!m.matches()) {
            return Duration.parse(value.trim());
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2) == null ? "ms" : m.group(2)) {
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofMillis(n);
        };
    }

    private static ServiceSettings load(Repository repository, String module) {
        Path yml = repository.path(module).resolve("src/main/resources/application.yml");
        List<Map.Entry<String, Map<String, String>>> documents = new ArrayList<>();
        for (Map<String, Object> document : StrictYaml.documents(Repository.read(yml), yml.toString())) {
            Map<String, String> leaves = new LinkedHashMap<>();
            flatten("", document, leaves);
            // the profile a document is for; null for the default document every profile inherits
            documents.add(new AbstractMap.SimpleImmutableEntry<>(leaves.get("spring.config.activate.on-profile"), leaves));
        }
        ServiceSettings settings = new ServiceSettings(module, documents);
        for (Map.Entry<String, Map<String, String>> document : documents) {
            for (Map.Entry<String, String> leaf : document.getValue().entrySet()) {
                settings.readable.add(envName(leaf.getKey()));
                addPlaceholders(leaf.getValue(), settings.readable);
            }
        }
        for (String m : repository.moduleWithTicketingDependencies(module)) {
            for (Path source : repository.mainSources(m)) {
                addPlaceholders(Repository.read(source), settings.readable);
            }
            Path generated = repository.path(m).resolve("target/classes/META-INF/spring-configuration-metadata.json");
            if (Files.isRegularFile(generated)) {
                try (InputStream in = Files.newInputStream(generated)) {
                    BootMetadata.read(in, settings.readable, settings.mapPrefixes);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        BootMetadata metadata = bootMetadata();
        settings.readable.addAll(metadata.names());
        settings.mapPrefixes.addAll(metadata.mapPrefixes());
        return settings;
    }

    private static void addPlaceholders(String text, Set<String> names) {
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            names.add(envName(m.group(1).trim()));
        }
    }

    @SuppressWarnings("unchecked")
    private static void flatten(String prefix, Object value, Map<String, String> leaves) {
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> flatten(prefix.isEmpty() ? String.valueOf(k) : prefix + "." + k, v, leaves));
        } else if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                flatten(prefix + "[" + i + "]", list.get(i), leaves);
            }
        } else {
            leaves.put(prefix, value == null ? "" : String.valueOf(value));
        }
    }

    private static BootMetadata bootMetadata() {
        if (boot == null) {
            synchronized (ServiceSettings.class) {
                if (boot == null) {
                    boot = BootMetadata.fromClasspath();
                }
            }
        }
        return boot;
    }

    /** Spring Boot's properties, from every META-INF/spring-configuration-metadata.json on the classpath. */
    record BootMetadata(Set<String> names, Set<String> mapPrefixes) {

        private static final ObjectMapper JSON = new ObjectMapper();

        static BootMetadata fromClasspath() {
            Set<String> names = new LinkedHashSet<>();
            Set<String> prefixes = new LinkedHashSet<>();
            try {
                Enumeration<URL> files = ServiceSettings.class.getClassLoader()
                        .getResources("META-INF/spring-configuration-metadata.json");
                for (URL url : Collections.list(files)) {
                    try (InputStream in = url.openStream()) {
                        read(in, names, prefixes);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return new BootMetadata(Set.copyOf(names), Set.copyOf(prefixes));
        }

        static void read(InputStream in, Set<String> names, Set<String> mapPrefixes) throws IOException {
            JsonNode root = JSON.readTree(in);
            for (JsonNode property : root.path("properties")) {
                String name = envName(property.path("name").asString());
                names.add(name);
                if (property.path("type").asString().startsWith("java.util.Map<")) {
                    mapPrefixes.add(name);
                }
            }
        }
    }
}
