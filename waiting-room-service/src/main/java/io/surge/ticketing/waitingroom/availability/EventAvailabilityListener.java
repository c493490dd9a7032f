package io.surge.ticketing.waitingroom.availability;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import io.surge.ticketing.contracts.Topics;
import io.surge.ticketing.contracts.messages.EventAvailabilityChanged;
import io.surge.ticketing.contracts.messages.MessageJson;

/**
 * Follows booking's {@code booking.event-availability} (compacted, key event id): admission pauses while an event is
 * sold out and resumes when seats come back. Idempotent: the newest {@code as_of} wins.
 */
@Component
class EventAvailabilityListener {

    private static final Logger log = LoggerFactory.getLogger(EventAvailabilityListener.class);

    private final AvailabilityStore store;

    EventAvailabilityListener(AvailabilityStore store) {
        this.store = store;
    }

    @KafkaListener(id = "waiting-room-availability", topics = Topics.BOOKING_EVENT_AVAILABILITY,
            groupId = "${ticketing.waiting-room.availability-group}")
    void onAvailability(ConsumerRecord<String, String> record) throws Exception {
        if (record.value() == null) {
            return; // a tombstone: booking forgot the event; the last state stands
        }
        EventAvailabilityChanged availability = MessageJson.mapper().readValue(record.value(), EventAvailabilityChanged.class);
        if (availability.asOf() == null) {
            log.warn("availability of event {} without as_of; ignored", availability.eventId());
            return;
        }
        if (store.apply(availability)) {
            log.debug("event {}: sold out {} as of {}", availability.eventId(), availability.soldOut(), availability.asOf());
        }
    }
}
