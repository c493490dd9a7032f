package io.surge.ticketing.catalog.venue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.surge.ticketing.catalog.web.ValidationFailedException;
import io.surge.ticketing.contracts.messages.TicketIds;

@Service
class VenueAdminService {

    private final VenueRepository venues;
    private final Counter created;

    VenueAdminService(VenueRepository venues, MeterRegistry meters) {
        this.venues = venues;
        this.created = Counter.builder("catalog.venues.created").register(meters);
    }

    @Transactional
    long create(CreateVenueRequest request) {
        validateLayout(request.sections());
        Venue venue = new Venue(request.name().trim(), request.city().trim(), request.country().trim());
        for (CreateVenueRequest.SectionRequest s : request.sections()) {
            if (s.generalAdmission()) {
                venue.addGeneralAdmissionSection(s.name().trim(), s.capacity());
            } else {
                venue.addSeatedSection(s.name().trim(), s.rows(), s.seatsPerRow());
            }
        }
        long venueId = venues.save(venue).id();
        created.increment();
        return venueId;
    }

    /** Rules across sections: unique names, and every seat must fit the ticket-id space of one event. */
    static void validateLayout(List<CreateVenueRequest.SectionRequest> sections) {
        List<Map<String, String>> errors = new ArrayList<>();
        Set<String> names = new HashSet<>();
        long seats = 0;
        for (int i = 0; i < sections.size(); i++) {
            CreateVenueRequest.SectionRequest s = sections.get(i);
            if (!names.add(s.name().trim().toLowerCase())) {
                errors.add(ValidationFailedException.fieldError("sections[" + i + "].name", "duplicate section name"));
            }
            seats += s.generalAdmission() ? s.capacity() : (long) s.rows() * s.seatsPerRow();
        }
        if (seats > TicketIds.MAX_SEATS_PER_EVENT) {
            errors.add(ValidationFailedException.fieldError("sections",
                    "a venue holds at most " + TicketIds.MAX_SEATS_PER_EVENT + " places"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationFailedException(errors);
        }
    }
}
