package io.surge.ticketing.booking.reserve;

import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

import io.surge.ticketing.booking.BookingProperties;
import io.surge.ticketing.contracts.Topics;
import io.surge.ticketing.contracts.messages.CommandPartitions;

/**
 * Which partition of {@code booking.commands} a command goes to ({@link CommandPartitions}). A hot event is not
 * one consumer thread: its fans are spread over several partitions, so several deciders work on one event at once
 * while each fan's commands stay in one partition, in order. Deciders of different partitions race only for seats
 * (SKIP LOCKED) and, in a rebalance, for a fan (advisory lock). The partition count is read once from Kafka.
 */
@Component
class CommandRouting {

    private final KafkaTemplate<String, String> kafka;
    private final int spread;
    private final AtomicInteger partitions = new AtomicInteger();

    CommandRouting(KafkaTemplate<String, String> kafka, BookingProperties properties) {
        this.kafka = kafka;
        this.spread = properties.commands().spread();
    }

    /**
     * The partition for this fan's command, or null (Kafka partitions by the event key) while the partition count
     * cannot be read: then the send itself fails or succeeds as Kafka is, and a failure is the API's 503.
     */
    Integer partition(long eventId, String userId) {
        int count = partitions.get();
        if (count == 0) {
            try {
                count = kafka.partitionsFor(Topics.BOOKING_COMMANDS).size();
            } catch (RuntimeException kafkaUnavailable) {
                return null;
            }
            partitions.set(count);
        }
        return CommandPartitions.of(eventId, userId, count, spread);
    }
}
