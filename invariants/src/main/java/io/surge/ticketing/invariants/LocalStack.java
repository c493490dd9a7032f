package io.surge.ticketing.invariants;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Where the stack under test keeps its stores and secrets: the process environment first, then the launcher's
 * environment file ({@code .ticketing/secrets/env}, found through {@code TICKETING_STATE_DIR} or by walking up
 * from the working directory). Against a Kubernetes ingress, export the same TICKETING_* variables instead.
 */
public final class LocalStack {

    private final Map<String, String> values;

    private LocalStack(Map<String, String> values) {
        this.values = values;
    }

    public static LocalStack load() {
        Map<String, String> values = new HashMap<>();
        Path file = envFile();
        if (file != null) {
            try {
                for (String line : Files.readAllLines(file)) {
                    int eq = line.indexOf('=');
                    if (eq > 0 && !line.startsWith("#")) {
                        values.put(line.substring(0, eq).trim(), line.substring(eq + 1).trim());
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file, e);
            }
        }
        System.getenv().forEach((name, value) -> {
            if (name.startsWith("TICKETING_")) {
                values.put(name, value);
            }
        });
        return new LocalStack(values);
    }

    public String get(String name, String fallback) {
        return values.getOrDefault(name, fallback);
    }

    public String require(String name) {
        String value = values.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(name + " is not set: run ./ticketing up first, or export it");
        }
        return value;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + get("TICKETING_DB_HOST", "127.0.0.1") + ":" + get("TICKETING_DB_PORT", "5432")
                + "/" + database;
    }

    public String stateDir() {
        return get("TICKETING_STATE_DIR", null);
    }

    private static Path envFile() {
        String state = System.getenv("TICKETING_STATE_DIR");
        if (state != null) {
            Path file = Path.of(state, "secrets", "env");
            return Files.isRegularFile(file) ? file : null;
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path file = dir.resolve(".ticketing/secrets/env");
            if (Files.isRegularFile(file)) {
                return file;
            }
        }
        return null;
    }
}
