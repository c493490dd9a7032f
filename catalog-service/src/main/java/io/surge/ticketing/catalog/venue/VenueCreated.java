package io.surge.ticketing.catalog.venue;

record VenueCreated(long venueId) {
}
