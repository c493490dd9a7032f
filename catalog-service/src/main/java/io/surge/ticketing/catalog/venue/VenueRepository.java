package io.surge.ticketing.catalog.venue;

import java.util.Optional;

import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;

/** Venues with their sections: plain CRUD of one aggregate (layouts never change once created). */
interface VenueRepository extends JpaRepository<Venue, Long> {

    /** The venue and its sections in one query (a join), not one for the venue and one more for its sections. */
    @EntityGraph(attributePaths = "sections")
    Optional<Venue> findWithSectionsById(long id);
}
