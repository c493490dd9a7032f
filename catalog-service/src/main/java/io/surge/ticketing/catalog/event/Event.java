package io.surge.ticketing.catalog.event;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * The event aggregate as the organizer writes it: the event row and its price tiers. The performer and the venue
 * are other aggregates, referenced by id. Not mapped, on purpose: {@code sold_out} and {@code availability_as_of}
 * (booking's word, written by {@code availability} with SQL under the row lock) and {@code created_at} (the
 * database's default), so a write here can never put back a stale sold-out flag.
 */
@Entity
@Table(name = "event")
class Event {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String name;

    @Column(name = "performer_id", nullable = false)
    private long performerId;

    private String category;

    // the seat inventory was built from this venue's layout: moving venues is "cancel and create"
    @Column(name = "venue_id", nullable = false, updatable = false)
    private long venueId;

    @Column(name = "starts_at", nullable = false)
    private Instant startsAt;

    @Column(name = "on_sale_at", nullable = false)
    private Instant onSaleAt;

    // null while the refund deadline follows starts_at
    @Column(name = "refund_deadline")
    private Instant refundDeadline;

    // the organizer's state: DRAFT, PUBLISHED or CANCELLED (EventSnapshot's constants)
    @Column(name = "status", nullable = false)
    private String state;

    @Column(name = "published_at")
    private Instant publishedAt;

    // every change of the event moves it (the read models' ETag, the search document's external version); the
    // availability SQL moves it too, under the same row lock. Primitive, so Spring Data tells new from stored by id.
    @Version
    private long version = 1;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @OneToMany(mappedBy = "event", cascade = CascadeType.ALL, orphanRemoval = true)
    private List<PriceTier> priceTiers = new ArrayList<>();

    protected Event() {
        // for JPA
    }

    /** A published event ({@code publish}) or a DRAFT; a null {@code refundDeadline} follows {@code startsAt}. */
    Event(String name, long performerId, String category, long venueId, Instant startsAt, Instant onSaleAt,
            Instant refundDeadline, boolean publish, Map<Long, Long> priceBySection, Instant now) {
        this.name = name;
        this.performerId = performerId;
        this.category = category;
        this.venueId = venueId;
        this.startsAt = startsAt;
        this.onSaleAt = onSaleAt;
        this.refundDeadline = refundDeadline;
        this.state = publish ? EventSnapshot.PUBLISHED : EventSnapshot.DRAFT;
        this.publishedAt = publish ? now : null;
        this.updatedAt = now;
        replacePrices(priceBySection);
    }

    /**
     * A change of the organizer's fields: a null name, performer or category stays; the times are the resulting
     * ones; {@code priceBySection}, when given, replaces every tier. Always a new version, also when nothing
     * differs (the API says the version may grow on a repeated change).
     */
    void change(String name, Long performerId, String category, Instant startsAt, Instant onSaleAt,
            Instant refundDeadline, Map<Long, Long> priceBySection, Instant now) {
        if (name != null) {
            this.name = name;
        }
        if (performerId != null) {
            this.performerId = performerId;
        }
        if (category != null) {
            this.category = category;
        }
        this.startsAt = startsAt;
        this.onSaleAt = onSaleAt;
        this.refundDeadline = refundDeadline;
        if (priceBySection != null) {
            replacePrices(priceBySection);
        }
        touch(now);
    }

    /** DRAFT -> PUBLISHED (the caller checked it is a draft). */
    void publish(Instant now) {
        this.state = EventSnapshot.PUBLISHED;
        this.publishedAt = now;
        touch(now);
    }

    void cancel(Instant now) {
        this.state = EventSnapshot.CANCELLED;
        touch(now);
    }

    // updated_at always moves, so the row is dirty and Hibernate writes it with version + 1 even for a change that
    // changes nothing else; a microsecond (PostgreSQL's precision) past the stored one if the clock has not passed it
    private void touch(Instant now) {
        this.updatedAt = updatedAt != null && !now.isAfter(updatedAt) ? updatedAt.plusNanos(1000) : now;
    }

    /**
     * Section id -> price for every section of the venue. Tiers are changed in place (a tier per section is kept,
     * its price updated) rather than deleted and inserted again under the same primary key.
     */
    private void replacePrices(Map<Long, Long> priceBySection) {
        priceTiers.removeIf(tier -> !priceBySection.containsKey(tier.sectionId()));
        priceBySection.forEach((sectionId, priceCents) -> priceTiers.stream()
                .filter(tier -> tier.sectionId() == sectionId)
                .findFirst()
                .ifPresentOrElse(tier -> tier.price(priceCents),
                        () -> priceTiers.add(new PriceTier(this, sectionId, priceCents))));
    }

    Long id() {
        return id;
    }

    String name() {
        return name;
    }

    long performerId() {
        return performerId;
    }

    String category() {
        return category;
    }

    long venueId() {
        return venueId;
    }

    Instant startsAt() {
        return startsAt;
    }

    Instant onSaleAt() {
        return onSaleAt;
    }

    /** The one the organizer set, null when it follows {@code startsAt}. */
    Instant refundDeadline() {
        return refundDeadline;
    }

    Instant effectiveRefundDeadline() {
        return refundDeadline != null ? refundDeadline : startsAt;
    }

    String state() {
        return state;
    }

    Instant publishedAt() {
        return publishedAt;
    }

    long version() {
        return version;
    }

    List<PriceTier> priceTiers() {
        return Collections.unmodifiableList(priceTiers);
    }
}
