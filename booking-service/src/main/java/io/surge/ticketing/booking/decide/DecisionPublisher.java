package io.surge.ticketing.booking.decide;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.MeterRegistry;
import io.surge.ticketing.booking.availability.AvailabilityRebuilder;
import io.surge.ticketing.booking.availability.AvailabilityStore;
import io.surge.ticketing.booking.bookings.BookingStatus;
import io.surge.ticketing.booking.bookings.Holds;
import io.surge.ticketing.contracts.messages.MessageJson;

/**
 * What follows a committed batch of decisions: the bitfield mirror, the expiry delay queue, and the broadcast
 * that wakes the API instance holding each request. All of it is derived state: if this instance dies before
 * it runs, Postgres still has the truth (bitfields are rebuilt, the cleanup sweep finds expired holds, and the
 * client polls the booking).
 */
@Component
public class DecisionPublisher {

    public static final String CHANNEL = "booking:decisions";
    private static final Logger log = LoggerFactory.getLogger(DecisionPublisher.class);

    private final AvailabilityStore availability;
    private final AvailabilityRebuilder rebuilder;
    private final Holds holds;
    private final StringRedisTemplate redis;
    private final MeterRegistry meters;
    private final ObjectMapper json = MessageJson.mapper();

    DecisionPublisher(AvailabilityStore availability, AvailabilityRebuilder rebuilder, Holds holds,
            StringRedisTemplate redis, MeterRegistry meters) {
        this.availability = availability;
        this.rebuilder = rebuilder;
        this.holds = holds;
        this.redis = redis;
        this.meters = meters;
    }

    void published(List<Decision> decisions) {
        for (Decision decision : decisions) {
            try {
                if (decision.status() == BookingStatus.RESERVED) {
                    if (!availability.set(decision.eventId(), decision.seatIndexes(), true)) {
                        rebuilder.ensure(decision.eventId());
                    }
                    holds.schedule(decision.bookingId(), decision.expiresAt());
                }
                redis.convertAndSend(CHANNEL, json.writeValueAsString(decision));
            } catch (JsonProcessingException | RuntimeException e) {
                log.warn("post-commit effects of booking {} failed (derived state, repaired later): {}",
                        decision.bookingId(), e.toString());
            }
            meters.counter("booking.reservations", "outcome",
                    decision.reason() == null ? decision.status().name() : decision.reason()).increment();
        }
    }
}
