package io.surge.ticketing.catalog.event;

record EventCreated(long eventId) {
}
