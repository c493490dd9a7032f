package io.surge.ticketing.chaos;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The project's launcher, {@code ./ticketing}: how the run kills, stops and starts components. */
final class Launcher {

    private final Path root;
    private final Path log;

    Launcher(Path root, Path log) {
        this.root = root;
        this.log = log;
    }

    /** Runs {@code ./ticketing args...}; true when it succeeded. */
    boolean run(Map<String, String> environment, String... args) {
        List<String> command = new ArrayList<>();
        command.add(root.resolve("ticketing").toString());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(root.toFile())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        try {
            Process process = builder.start();
            if (!process.waitFor(6, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                return false;
            }
            return process.exitValue() == 0;
        } catch (IOException e) {
            throw new IllegalStateException("cannot run ./ticketing " + String.join(" ", args), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    boolean run(String... args) {
        return run(Map.of(), args);
    }
}
