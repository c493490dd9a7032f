package io.surge.ticketing.catalog.venue;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** A section of a {@link Venue}; written only through its venue. */
@Entity
@Table(name = "venue_section")
class VenueSection {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "venue_id", nullable = false, updatable = false)
    private Venue venue;

    // the seat map's order (unique per venue); a plain column rather than @OrderColumn, which would write it in a
    // second UPDATE after an INSERT the NOT NULL constraint refuses
    @Column(name = "position", nullable = false, updatable = false)
    private int position;

    private String name;

    @Column(name = "rows", nullable = false, updatable = false)
    private int rows;

    @Column(name = "seats_per_row", nullable = false, updatable = false)
    private int seatsPerRow;

    @Column(name = "general_admission", nullable = false, updatable = false)
    private boolean generalAdmission;

    protected VenueSection() {
        // for JPA
    }

    VenueSection(Venue venue, int position, String name, int rows, int seatsPerRow, boolean generalAdmission) {
        this.venue = venue;
        this.position = position;
        this.name = name;
        this.rows = rows;
        this.seatsPerRow = seatsPerRow;
        this.generalAdmission = generalAdmission;
    }

    Long id() {
        return id;
    }

    int position() {
        return position;
    }

    String name() {
        return name;
    }

    int rows() {
        return rows;
    }

    int seatsPerRow() {
        return seatsPerRow;
    }

    boolean generalAdmission() {
        return generalAdmission;
    }
}
