package io.surge.ticketing.catalog.venue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;

/**
 * A venue and its sections, one aggregate: the sections are created with the venue and never change afterwards
 * (every seat's index derives from their order), so there is no setter here. {@code created_at} is left to the
 * database's default.
 */
@Entity
@Table(name = "venue")
class Venue {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String name;

    private String city;

    private String country;

    @OneToMany(mappedBy = "venue", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    private List<VenueSection> sections = new ArrayList<>();

    protected Venue() {
        // for JPA
    }

    Venue(String name, String city, String country) {
        this.name = name;
        this.city = city;
        this.country = country;
    }

    /** Sections are numbered in the order they are added: that order is the seat map's. */
    void addSeatedSection(String name, int rows, int seatsPerRow) {
        sections.add(new VenueSection(this, sections.size(), name, rows, seatsPerRow, false));
    }

    /** General admission is stored as one row of {@code capacity} places. */
    void addGeneralAdmissionSection(String name, int capacity) {
        sections.add(new VenueSection(this, sections.size(), name, 1, capacity, true));
    }

    Long id() {
        return id;
    }

    String name() {
        return name;
    }

    String city() {
        return city;
    }

    String country() {
        return country;
    }

    List<VenueSection> sections() {
        return Collections.unmodifiableList(sections);
    }
}
