package io.surge.ticketing.catalog.event;

record EventPublished(long eventId, EventStatus status) {
}
