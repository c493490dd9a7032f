package io.surge.ticketing.catalog.venue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import jakarta.persistence.Persistence;

import org.junit.jupiter.api.AfterAll;
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
 * The venue aggregate's mapping against the real local PostgreSQL, in a throw-away schema migrated by Flyway (which
 * Hibernate only validates). Each test rolls back.
 */
@DataJpaTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@ActiveProfiles("test")
class VenueRepositoryIntegrationTests {

    static final ThrowawaySchema SCHEMA = new ThrowawaySchema();

    @DynamicPropertySource
    static void schema(DynamicPropertyRegistry registry) {
        SCHEMA.register(registry);
    }

    @Autowired
    VenueRepository venues;

    @Autowired
    TestEntityManager entities;

    @Autowired
    JdbcClient jdbc;

    @AfterAll
    static void dropSchema() throws Exception {
        SCHEMA.drop();
    }

    @Test
    void aVenueIsSavedWithItsSectionsInVenueOrderAndReadBackWithThemInOneGo() {
        Venue venue = new Venue("Riverside Arena", "Lisbon", "PT");
        venue.addSeatedSection("B", 2, 3);
        venue.addGeneralAdmissionSection("Floor", 400);
        venue.addSeatedSection("A", 10, 20);
        long venueId = venues.saveAndFlush(venue).id();
        entities.clear();

        Venue reloaded = venues.findWithSectionsById(venueId).orElseThrow();
        entities.clear();

        assertThat(Persistence.getPersistenceUtil().isLoaded(reloaded, "sections")).isTrue();
        assertThat(reloaded.name()).isEqualTo("Riverside Arena");
        assertThat(reloaded.city()).isEqualTo("Lisbon");
        assertThat(reloaded.country()).isEqualTo("PT");
        assertThat(reloaded.sections())
                .extracting(VenueSection::position, VenueSection::name, VenueSection::rows, VenueSection::seatsPerRow,
                        VenueSection::generalAdmission)
                .containsExactly(tuple(0, "B", 2, 3, false), tuple(1, "Floor", 1, 400, true),
                        tuple(2, "A", 10, 20, false));
        // the columns booking's seat layout and the SQL read models rely on, as the migration named them
        assertThat(jdbc.sql("""
                SELECT name FROM venue_section WHERE venue_id = :id AND general_admission ORDER BY position""")
                .param("id", venueId).query(String.class).list()).containsExactly("Floor");
        assertThat(jdbc.sql("SELECT created_at IS NOT NULL FROM venue WHERE id = :id").param("id", venueId)
                .query(Boolean.class).single()).isTrue();
    }

    @Test
    void eventsSeeAVenuesSectionsByIdInOrderAndNothingForAnUnknownVenue() {
        Venue venue = new Venue("Hall", "Porto", "PT");
        venue.addSeatedSection("Upper", 1, 1);
        venue.addGeneralAdmissionSection("Pit", 50);
        long venueId = venues.saveAndFlush(venue).id();
        entities.clear();
        VenueSections sections = new VenueSections(venues);

        assertThat(sections.find(venueId).orElseThrow())
                .extracting(VenueSections.SectionRef::name).containsExactly("Upper", "Pit");
        assertThat(sections.find(venueId).orElseThrow())
                .extracting(VenueSections.SectionRef::id).doesNotContainNull().doesNotHaveDuplicates();
        assertThat(sections.find(venueId + 1_000_000)).isEmpty();
    }
}
