package io.surge.ticketing.booking.inventory;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.surge.ticketing.contracts.messages.EventInventoryDefined;
import io.surge.ticketing.contracts.messages.TicketIds;

/**
 * Creates an event's inventory, one row per seat, with COPY (a 100,000-seat stadium loads in about a second).
 * Idempotent: a re-sent or redelivered message finds the event row and refreshes what may change: the sale start, the
 * show's start, the refund deadline, the draft flag and each section's price (later holds are quoted at it) and
 * shape. A message that cancels the event flips its flag once and, in the same transaction, announces
 * {@link EventCancelled} so that its effects (holds cancelled, refunds requested) commit with the flag, exactly once.
 */
@Component
public class InventoryLoader {

    private static final Logger log = LoggerFactory.getLogger(InventoryLoader.class);
    private static final int COPY_CHUNK_ROWS = 20_000;

    private final EventInventoryRepository events;
    private final KnownEvents known;
    private final DataSource dataSource;
    private final ApplicationEventPublisher publisher;

    InventoryLoader(EventInventoryRepository events, KnownEvents known, DataSource dataSource,
            ApplicationEventPublisher publisher) {
        this.events = events;
        this.known = known;
        this.dataSource = dataSource;
        this.publisher = publisher;
    }

    /** @return true when the seats were created now, false when they already existed */
    @Transactional
    public boolean load(EventInventoryDefined inventory) {
        int seatCount = inventory.seatCount();
        if (seatCount > TicketIds.MAX_SEATS_PER_EVENT) {
            throw new IllegalArgumentException("event " + inventory.eventId() + " has too many seats: " + seatCount);
        }
        boolean created = events.insertIfAbsent(inventory);
        known.add(inventory.eventId()); // at commit: this instance answers the event at once, not at the next refresh
        known.published(inventory.eventId(), inventory.isPublished());
        if (created) {
            for (EventInventoryDefined.Section section : inventory.sections()) {
                events.insertSection(inventory.eventId(), section);
            }
            copySeats(inventory);
            log.info("created inventory of event {}: {} seats in {} sections", inventory.eventId(), seatCount,
                    inventory.sections().size());
        } else {
            events.updateLifecycle(inventory);
            for (EventInventoryDefined.Section section : inventory.sections()) {
                events.updateSection(inventory.eventId(), section);
            }
        }
        if (inventory.cancelled() && events.markCancelled(inventory.eventId())) {
            log.info("event {} is cancelled: its seats are no longer for sale", inventory.eventId());
            publisher.publishEvent(new EventCancelled(inventory.eventId()));
        }
        return created;
    }

    /** Refreshes the planner statistics of the inventory (outside any transaction). */
    public void analyze() {
        new org.springframework.jdbc.core.JdbcTemplate(dataSource).execute("ANALYZE tickets");
    }

    private void copySeats(EventInventoryDefined inventory) {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            var copy = connection.unwrap(PGConnection.class).getCopyAPI();
            StringBuilder rows = new StringBuilder(COPY_CHUNK_ROWS * 40);
            int pending = 0;
            for (EventInventoryDefined.Section section : inventory.sections()) {
                for (int i = 0; i < section.seatCount(); i++) {
                    int seatIndex = section.firstSeatIndex() + i;
                    rows.append(inventory.eventId()).append(',')
                            .append(TicketIds.of(inventory.eventId(), seatIndex)).append(',')
                            .append(seatIndex).append(',')
                            .append(section.sectionId()).append(',')
                            .append(section.priceCents()).append('\n');
                    if (++pending == COPY_CHUNK_ROWS) {
                        copy.copyIn(COPY_SQL, new StringReader(rows.toString()));
                        rows.setLength(0);
                        pending = 0;
                    }
                }
            }
            if (pending > 0) {
                copy.copyIn(COPY_SQL, new StringReader(rows.toString()));
            }
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("loading the seats of event " + inventory.eventId() + " failed", e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    private static final String COPY_SQL =
            "COPY tickets (event_id, ticket_id, seat_index, section_id, price_cents) FROM STDIN WITH (FORMAT csv)";
}
