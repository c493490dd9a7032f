package io.surge.ticketing.catalog.availability;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.context.ApplicationContext;

import io.surge.ticketing.contracts.Topics;
import io.surge.ticketing.contracts.messages.EventAvailabilityChanged;
import io.surge.ticketing.contracts.messages.MessageJson;

/**
 * Hands records of {@code booking.event-availability} to the listener as its container would (the test profile
 * starts no listener container: tests never join the stack's consumer groups).
 */
public final class AvailabilityRecords {

    private AvailabilityRecords() {
    }

    public static void deliver(ApplicationContext context, EventAvailabilityChanged message) {
        deliver(context, Long.toString(message.eventId()), MessageJson.mapper().writeValueAsString(message));
    }

    public static void deliver(ApplicationContext context, String key, String value) {
        context.getBean(AvailabilityListener.class)
                .onAvailability(new ConsumerRecord<>(Topics.BOOKING_EVENT_AVAILABILITY, 0, 0L, key, value));
    }
}
