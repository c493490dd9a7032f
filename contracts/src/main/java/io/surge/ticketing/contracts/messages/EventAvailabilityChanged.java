package io.surge.ticketing.contracts.messages;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * Booking -> catalog and waiting room, on the compacted {@code booking.event-availability} topic keyed by event id:
 * whether every seat of an event is held or sold. Sent when that flips (seats that come back reopen the sale), and
 * again now and then, so a reader that missed one converges. It is a state, not a delta: the latest record wins and
 * a redelivery changes nothing.
 *
 * @param soldOut   every seat held or sold
 * @param available seats neither held nor sold
 * @param asOf      when booking counted: a reader keeps the newest it has seen
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
public record EventAvailabilityChanged(long eventId, boolean soldOut, int available, int seatCount, Instant asOf) {
}
