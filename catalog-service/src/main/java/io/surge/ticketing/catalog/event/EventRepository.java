package io.surge.ticketing.catalog.event;

import org.springframework.data.jpa.repository.JpaRepository;

/**
 * Writes of the event aggregate (the event row and its price tiers). Not for reads that are shown to anyone:
 * those are {@link EventSnapshots} (two indexed SQL queries, no entity state), and the lock a change takes first is
 * {@link EventRowLocks}.
 */
interface EventRepository extends JpaRepository<Event, Long> {
}
