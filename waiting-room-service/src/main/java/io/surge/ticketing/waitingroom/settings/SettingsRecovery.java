package io.surge.ticketing.waitingroom.settings;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToLongFunction;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.MeterRegistry;
import io.surge.ticketing.contracts.Topics;
import io.surge.ticketing.contracts.messages.EventAvailabilityChanged;
import io.surge.ticketing.contracts.messages.EventInventoryDefined;
import io.surge.ticketing.contracts.messages.MessageJson;
import io.surge.ticketing.contracts.messages.SaleSettingsChanged;
import io.surge.ticketing.waitingroom.availability.AvailabilityStore;

/**
 * Redis holds the waiting room; if it restarts without its data (a lost node, a failover without persistence), every
 * event's settings would be gone and every join answered 404. A sentinel key tells: when it is missing, the state is
 * read back from Kafka and restored where Redis lost it, then the sentinel is set again:
 * <ul>
 * <li>the settings from the compacted {@code waitingroom.sale-settings} (the last settings published per event);</li>
 * <li>the lifecycle (show start, DRAFT, cancelled) from the last definition per event on
 * {@code catalog.event-inventory}, so a cancelled event is not reopened nor a DRAFT shown (an event whose definition
 * aged out of that topic's retention comes back published, not cancelled, closing at no known time: booking still
 * refuses to sell what it must not);</li>
 * <li>sold out or not from the compacted {@code booking.event-availability}, so a sold-out line stays paused.</li>
 * </ul>
 * Queue order is not in Kafka: fans who were queued join again (admitted fans keep their admission tokens, which
 * Redis never held).
 */
@Component
class SettingsRecovery {

    private static final Logger log = LoggerFactory.getLogger(SettingsRecovery.class);

    private final StringRedisTemplate redis;
    private final SettingsStore store;
    private final AvailabilityStore availability;
    private final SettingsPublisher publisher;
    private final ConsumerFactory<String, String> consumers;
    private final MeterRegistry meters;

    SettingsRecovery(StringRedisTemplate redis, SettingsStore store, AvailabilityStore availability,
            SettingsPublisher publisher, ConsumerFactory<String, String> consumers, MeterRegistry meters) {
        this.redis = redis;
        this.store = store;
        this.availability = availability;
        this.publisher = publisher;
        this.consumers = consumers;
        this.meters = meters;
    }

    @Scheduled(fixedDelayString = "${ticketing.waiting-room.recovery-interval}", initialDelay = 0)
    void checkRedis() {
        try {
            if (Boolean.TRUE.equals(redis.hasKey(SettingsStore.SENTINEL))) {
                return;
            }
            int restored = restoreAll();
            redis.opsForValue().set(SettingsStore.SENTINEL, Long.toString(System.currentTimeMillis()));
            if (restored > 0) {
                meters.counter("waitingroom.settings.restored").increment(restored);
                log.warn("Redis had lost the waiting room's data: restored the settings of {} events from {}", restored,
                        Topics.SALE_SETTINGS);
            }
        } catch (RuntimeException e) {
            log.warn("cannot check or restore the waiting room's settings now (Redis or Kafka unavailable): {}", e.toString());
        }
    }

    /** Reads the topics to their end and restores every event Redis does not know. @return events restored */
    int restoreAll() {
        Map<Long, SaleSettingsChanged> settings = latest(Topics.SALE_SETTINGS, SaleSettingsChanged.class,
                SaleSettingsChanged::eventId);
        Map<Long, EventInventoryDefined> definitions = latest(Topics.CATALOG_EVENT_INVENTORY, EventInventoryDefined.class,
                EventInventoryDefined::eventId);
        Map<Long, EventAvailabilityChanged> availabilities;
        try {
            availabilities = latest(Topics.BOOKING_EVENT_AVAILABILITY, EventAvailabilityChanged.class,
                    EventAvailabilityChanged::eventId);
        } catch (RuntimeException e) {
            // booking may not have published any yet; its next periodic state pauses a sold-out line again
            log.warn("cannot read {} to restore sold-out lines: {}", Topics.BOOKING_EVENT_AVAILABILITY, e.toString());
            availabilities = Map.of();
        }
        return restore(settings.values(), definitions, availabilities.values());
    }

    /**
     * Restores what Redis lost from the last message per event of each topic: the settings (with the lifecycle of the
     * event's last definition), events defined but never published, and sold-out states. @return events restored
     */
    int restore(Collection<SaleSettingsChanged> settings, Map<Long, EventInventoryDefined> definitions,
            Collection<EventAvailabilityChanged> availabilities) {
        Set<Long> withSettings = new HashSet<>();
        int restored = 0;
        for (SaleSettingsChanged saved : settings) {
            withSettings.add(saved.eventId());
            EventInventoryDefined definition = definitions.get(saved.eventId());
            EventLifecycle lifecycle = definition == null || definition.onSaleAt() == null ? null : EventLifecycle.of(definition);
            if (store.restore(saved, lifecycle)) {
                restored++;
                if (lifecycle != null && store.learn(saved.eventId(), lifecycle)) {
                    // the catalog moved the sale after the last settings were published: publish them again
                    publishQuietly(saved.eventId());
                }
            }
        }
        for (EventInventoryDefined definition : definitions.values()) {
            if (!withSettings.contains(definition.eventId()) && definition.onSaleAt() != null
                    && store.learn(definition.eventId(), EventLifecycle.of(definition))) {
                // learned but never published (a crash in between): the defaults, as the listener would have
                restored++;
                publishQuietly(definition.eventId());
            }
        }
        for (EventAvailabilityChanged state : availabilities) {
            if (state.asOf() != null) {
                availability.apply(state);
            }
        }
        return restored;
    }

    private void publishQuietly(long eventId) {
        try {
            store.find(eventId).ifPresent(publisher::publish);
        } catch (RuntimeException e) {
            log.warn("restored event {} but could not publish its settings: {}", eventId, e.toString());
        }
    }

    /** Reads a topic from its beginning to its end: the last message per event. */
    private <T> Map<Long, T> latest(String topic, Class<T> type, ToLongFunction<T> eventId) {
        Map<Long, T> latest = new HashMap<>();
        try (Consumer<String, String> consumer = consumers.createConsumer("waiting-room-recovery", "recovery")) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            if (partitions.isEmpty()) {
                return latest;
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(10));
            long deadline = System.currentTimeMillis() + 30_000;
            while (partitions.stream().anyMatch(p -> consumer.position(p, Duration.ofSeconds(10)) < end.get(p))) {
                if (System.currentTimeMillis() > deadline) {
                    throw new IllegalStateException("could not read " + topic + " to its end in time");
                }
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.value() != null) {
                        T message = MessageJson.mapper().readValue(record.value(), type);
                        latest.put(eventId.applyAsLong(message), message);
                    }
                }
            }
        }
        return latest;
    }
}
