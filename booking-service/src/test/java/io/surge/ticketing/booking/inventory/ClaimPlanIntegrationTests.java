package io.surge.ticketing.booking.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import io.surge.ticketing.contracts.messages.EventInventoryDefined;

/** The batch claim scans each section's available seats by index on realistic data, right after an event is loaded. */
@SpringBootTest
@ActiveProfiles("test")
class ClaimPlanIntegrationTests {

    @Autowired
    InventoryLoader loader;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theBatchClaimWalksThePartialIndexOfEachSectionOfAFreshlyLoadedEvent() {
        long eventId = 800_000_000L + ThreadLocalRandom.current().nextLong(99_000_000L);
        loader.load(new EventInventoryDefined(eventId, Instant.now(), List.of(
                new EventInventoryDefined.Section(1, "Floor", 0, 100, 200, 9_900),
                new EventInventoryDefined.Section(2, "Upper", 20_000, 100, 200, 4_900))));
        loader.analyze();

        String plan = String.join("\n", jdbc.queryForList(
                "EXPLAIN " + TicketRepository.CLAIM_SECTIONS_SQL.replaceFirst("\\?", "'{" + eventId + "," + eventId + "}'")
                        .replaceFirst("\\?", "'{1,2}'").replaceFirst("\\?", "'{50,200}'"), String.class));

        // the seats are found through the partial index; the sections' current prices come from event_sections, a
        // table of a few rows per event that the planner may well read whole
        assertThat(plan).contains("Index Scan using tickets_available_by_section").doesNotContain("Seq Scan on tickets");
    }
}
