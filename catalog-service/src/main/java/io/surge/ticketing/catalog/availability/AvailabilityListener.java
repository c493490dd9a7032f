package io.surge.ticketing.catalog.availability;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import tools.jackson.core.JacksonException;

import io.surge.ticketing.contracts.Topics;
import io.surge.ticketing.contracts.messages.EventAvailabilityChanged;
import io.surge.ticketing.contracts.messages.MessageJson;

/**
 * Hears from booking whether an event is sold out ({@code booking.event-availability}, compacted, a state per
 * event). A record that cannot be read is logged and skipped: the next state of that event (booking re-sends every
 * ~30 s) supersedes it, so there is nothing a dead-letter topic would let anyone repair. A database failure
 * is thrown, and the error handler retries the record with back-off until it applies.
 */
@Component
class AvailabilityListener {

    private static final Logger log = LoggerFactory.getLogger(AvailabilityListener.class);

    private final SoldOutRecorder recorder;

    AvailabilityListener(SoldOutRecorder recorder) {
        this.recorder = recorder;
    }

    @KafkaListener(id = "catalog-availability", topics = Topics.BOOKING_EVENT_AVAILABILITY,
            groupId = "${ticketing.catalog.availability.group}")
    void onAvailability(ConsumerRecord<String, String> record) {
        if (record.value() == null) {
            return; // a compaction tombstone
        }
        EventAvailabilityChanged message;
        try {
            message = MessageJson.mapper().readValue(record.value(), EventAvailabilityChanged.class);
        } catch (JacksonException e) {
            log.warn("unreadable availability record at {}-{}@{} skipped: {}", record.topic(), record.partition(),
                    record.offset(), e.getOriginalMessage());
            return;
        }
        if (message.asOf() == null) {
            log.warn("availability of event {} without as_of skipped", message.eventId());
            return;
        }
        SoldOutRecorder.Outcome outcome = recorder.apply(message);
        if (outcome == SoldOutRecorder.Outcome.FLIPPED) {
            log.info("event {} is {}", message.eventId(), message.soldOut() ? "sold out" : "back on sale");
        }
    }
}
