package io.surge.ticketing.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Properties;

/**
 * The event a simulation sells: its id, seats, sections and sale start. Written to
 * {@code target/load/last-sale.properties} so the invariant check after the run knows what to check.
 */
public record Sale(long eventId, int seatCount, List<Long> sectionIds, Instant onSaleAt) {

    /** Set by the build to this module's target folder (Gatling and the invariant check run in different folders). */
    public static final Path RECORD = Path.of(System.getProperty("load.record", "target/load/last-sale.properties"));

    void record() {
        Properties properties = new Properties();
        properties.setProperty("event_id", Long.toString(eventId));
        properties.setProperty("seat_count", Integer.toString(seatCount));
        properties.setProperty("on_sale_at", onSaleAt.toString());
        try {
            Files.createDirectories(RECORD.getParent());
            try (var out = Files.newBufferedWriter(RECORD)) {
                properties.store(out, "the sale of the last simulation run");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A simulation starts by forgetting the previous run's sale, so the check never checks a stale one. */
    static void forget() {
        try {
            Files.deleteIfExists(RECORD);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static boolean wasRecorded() {
        return Files.isRegularFile(RECORD);
    }

    public static Sale recorded() throws IOException {
        Properties properties = new Properties();
        try (var in = Files.newBufferedReader(RECORD)) {
            properties.load(in);
        }
        return new Sale(Long.parseLong(properties.getProperty("event_id")),
                Integer.parseInt(properties.getProperty("seat_count")), List.of(),
                Instant.parse(properties.getProperty("on_sale_at")));
    }
}
