package io.surge.ticketing.catalog.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.boot.jpa.test.autoconfigure.TestEntityManager;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.surge.ticketing.catalog.ThrowawaySchema;

/**
 * The event aggregate's mapping against the real local PostgreSQL, in a throw-away schema migrated by Flyway (which
 * Hibernate only validates). The venue it prices is written with SQL: another feature's aggregate. Each test rolls
 * back.
 */
@DataJpaTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@ActiveProfiles("test")
class EventRepositoryIntegrationTests {

    static final ThrowawaySchema SCHEMA = new ThrowawaySchema();
    static final Instant NOW = Instant.parse("2030-01-01T10:00:00Z");
    @DynamicPropertySource
    static void schema(DynamicPropertyRegistry registry) {
        SCHEMA.register(registry);
    }

    @Autowired
    EventRepository events;

    @Autowired
    TestEntityManager entities;

    @Autowired
    JdbcClient jdbc;

    long venueId;
    long sectionA;
    long floor;
    long performerId;

    @AfterAll
    static void dropSchema() throws Exception {
        SCHEMA.drop();
    }

    @BeforeEach
    void venueAndPerformer() {
        venueId = jdbc.sql("INSERT INTO venue (name, city, country) VALUES ('Hall', 'Austin', 'US') RETURNING id")
                .query(Long.class).single();
        sectionA = section(0, "A", 2, 3);
        floor = section(1, "Floor", 1, 4);
        performerId = new PerformerRepository(jdbc).idOfInsertingIfAbsent("The Surge");
    }

    private long section(int position, String name, int rows, int seatsPerRow) {
        return jdbc.sql("""
                INSERT INTO venue_section (venue_id, position, name, rows, seats_per_row) VALUES (:v, :p, :n, :r, :s)
                RETURNING id""")
                .param("v", venueId).param("p", position).param("n", name).param("r", rows).param("s", seatsPerRow)
                .query(Long.class).single();
    }

    private Event draft(Map<Long, Long> prices) {
        Instant onSale = NOW.plus(1, ChronoUnit.DAYS);
        return new Event("IT Night", performerId, "concert", venueId, onSale.plus(30, ChronoUnit.DAYS), onSale, null,
                false, prices, NOW);
    }

    private Map<Long, Long> prices(long a, long floorPrice) {
        Map<Long, Long> prices = new LinkedHashMap<>();
        prices.put(sectionA, a);
        prices.put(floor, floorPrice);
        return prices;
    }

    private List<Map<String, Object>> tierRows(long eventId) {
        return jdbc.sql("SELECT section_id, price_cents FROM price_tier WHERE event_id = :id ORDER BY section_id")
                .param("id", eventId).query().listOfRows();
    }

    @Test
    void anEventIsSavedWithItsPriceTiersAndReadBackAsStored() {
        long eventId = events.saveAndFlush(draft(prices(5000, 3000))).id();
        entities.clear();

        Event reloaded = events.findById(eventId).orElseThrow();

        assertThat(reloaded.name()).isEqualTo("IT Night");
        assertThat(reloaded.performerId()).isEqualTo(performerId);
        assertThat(reloaded.venueId()).isEqualTo(venueId);
        assertThat(reloaded.state()).isEqualTo(EventSnapshot.DRAFT);
        assertThat(reloaded.publishedAt()).isNull();
        assertThat(reloaded.refundDeadline()).isNull();
        assertThat(reloaded.effectiveRefundDeadline()).isEqualTo(reloaded.startsAt());
        assertThat(reloaded.version()).isEqualTo(1);
        assertThat(reloaded.priceTiers()).extracting(PriceTier::sectionId, PriceTier::priceCents)
                .containsExactlyInAnyOrder(tuple(sectionA, 5000L), tuple(floor, 3000L));
        // the columns the SQL read models and booking's messages are built from
        assertThat(jdbc.sql("SELECT status, version, sold_out FROM event WHERE id = :id").param("id", eventId)
                .query().singleRow())
                .containsEntry("status", "DRAFT").containsEntry("version", 1L).containsEntry("sold_out", false);
    }

    @Test
    void aChangeReplacesThePricesInPlaceAndMovesTheVersionOnceLeavingTheSoldOutFlagAlone() {
        long eventId = events.saveAndFlush(draft(prices(5000, 3000))).id();
        jdbc.sql("UPDATE event SET sold_out = true, availability_as_of = now() WHERE id = :id")
                .param("id", eventId).update();
        entities.clear();

        Event event = events.findById(eventId).orElseThrow();
        event.change("IT Night (late show)", null, null, event.startsAt(), event.onSaleAt(), null,
                prices(6500, 3000), NOW.plusSeconds(60));
        events.flush();
        entities.clear();

        Event reloaded = events.findById(eventId).orElseThrow();
        assertThat(reloaded.name()).isEqualTo("IT Night (late show)");
        assertThat(reloaded.version()).isEqualTo(2);
        assertThat(tierRows(eventId)).containsExactly(Map.of("section_id", sectionA, "price_cents", 6500L),
                Map.of("section_id", floor, "price_cents", 3000L));
        assertThat(jdbc.sql("SELECT sold_out FROM event WHERE id = :id").param("id", eventId)
                .query(Boolean.class).single()).isTrue();
    }

    @Test
    void aTierLeftOutOfTheNewPricesIsDeletedAndPublishingStampsTheEvent() {
        long eventId = events.saveAndFlush(draft(prices(5000, 3000))).id();
        entities.clear();

        Event event = events.findById(eventId).orElseThrow();
        event.change(null, null, null, event.startsAt(), event.onSaleAt(), null, Map.of(floor, 2500L),
                NOW.plusSeconds(60));
        event.publish(NOW.plusSeconds(60));
        events.flush();
        entities.clear();

        assertThat(tierRows(eventId)).containsExactly(Map.of("section_id", floor, "price_cents", 2500L));
        Event reloaded = events.findById(eventId).orElseThrow();
        assertThat(reloaded.state()).isEqualTo(EventSnapshot.PUBLISHED);
        assertThat(reloaded.publishedAt()).isEqualTo(NOW.plusSeconds(60));
        assertThat(reloaded.version()).isEqualTo(2);
    }
}
