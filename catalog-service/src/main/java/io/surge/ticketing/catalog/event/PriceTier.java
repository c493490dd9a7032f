package io.surge.ticketing.catalog.event;

import java.io.Serializable;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MapsId;
import jakarta.persistence.Table;

/** The price of one section of the venue at one {@link Event}; written only through its event. */
@Entity
@Table(name = "price_tier")
class PriceTier {

    @EmbeddedId
    private Key id;

    @MapsId("eventId")
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "event_id")
    private Event event;

    @Column(name = "price_cents", nullable = false)
    private long priceCents;

    protected PriceTier() {
        // for JPA
    }

    PriceTier(Event event, long sectionId, long priceCents) {
        this.id = new Key(null, sectionId);
        this.event = event;
        this.priceCents = priceCents;
    }

    long sectionId() {
        return id.sectionId;
    }

    long priceCents() {
        return priceCents;
    }

    void price(long priceCents) {
        this.priceCents = priceCents;
    }

    /** (event_id, section_id): the table's primary key; the event part is filled from {@link #event}. */
    @Embeddable
    static class Key implements Serializable {

        @Column(name = "event_id")
        private Long eventId;

        // a section of the event's venue (another aggregate): by id
        @Column(name = "section_id")
        private Long sectionId;

        protected Key() {
            // for JPA
        }

        Key(Long eventId, Long sectionId) {
            this.eventId = eventId;
            this.sectionId = sectionId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key other && Objects.equals(eventId, other.eventId)
                    && Objects.equals(sectionId, other.sectionId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(eventId, sectionId);
        }
    }
}
