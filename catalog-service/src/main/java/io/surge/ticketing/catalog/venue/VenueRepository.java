package io.surge.ticketing.catalog.venue;

import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Venues and their sections; layouts never change once created (seat indexes derive from them). */
@Repository
public class VenueRepository {

    private final JdbcClient jdbc;

    VenueRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A section of a venue, as events price it. */
    public record SectionRef(long id, String name) {
    }

    long insertVenue(String name, String city, String country) {
        return jdbc.sql("INSERT INTO venue (name, city, country) VALUES (:name, :city, :country) RETURNING id")
                .param("name", name).param("city", city).param("country", country)
                .query(Long.class).single();
    }

    void insertSection(long venueId, int position, String name, int rows, int seatsPerRow, boolean generalAdmission) {
        jdbc.sql("""
                INSERT INTO venue_section (venue_id, position, name, rows, seats_per_row, general_admission)
                VALUES (:venue, :position, :name, :rows, :seatsPerRow, :ga)""")
                .param("venue", venueId).param("position", position).param("name", name).param("rows", rows)
                .param("seatsPerRow", seatsPerRow).param("ga", generalAdmission)
                .update();
    }

    /** The sections of a venue in venue order, or empty when there is no such venue. */
    public Optional<List<SectionRef>> findSections(long venueId) {
        boolean exists = jdbc.sql("SELECT count(*) FROM venue WHERE id = :id").param("id", venueId)
                .query(Long.class).single() > 0;
        if (!exists) {
            return Optional.empty();
        }
        return Optional.of(jdbc.sql("SELECT id, name FROM venue_section WHERE venue_id = :id ORDER BY position")
                .param("id", venueId)
                .query((rs, i) -> new SectionRef(rs.getLong("id"), rs.getString("name")))
                .list());
    }
}
