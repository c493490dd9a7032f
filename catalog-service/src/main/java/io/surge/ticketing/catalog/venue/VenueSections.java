package io.surge.ticketing.catalog.venue;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

/** What other features may know of a venue: its sections, as events price them. The entities stay in here. */
@Component
public class VenueSections {

    private final VenueRepository venues;

    VenueSections(VenueRepository venues) {
        this.venues = venues;
    }

    /** A section of a venue, as events price it. */
    public record SectionRef(long id, String name) {
    }

    /** The sections of a venue in venue order, or empty when there is no such venue. */
    public Optional<List<SectionRef>> find(long venueId) {
        return venues.findWithSectionsById(venueId)
                .map(venue -> venue.sections().stream().map(s -> new SectionRef(s.id(), s.name())).toList());
    }
}
