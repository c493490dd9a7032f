package io.surge.ticketing.catalog.event;

record EventUpdated(long eventId, long version, EventStatus status) {
}
