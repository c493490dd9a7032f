package io.surge.ticketing.waitingroom.settings;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import io.surge.ticketing.contracts.Topics;
import io.surge.ticketing.contracts.messages.EventInventoryDefined;
import io.surge.ticketing.contracts.messages.MessageJson;

/**
 * Learns events from the catalog: their T0 ({@code on_sale_at}), the show's start (the line closes then), whether
 * they are published (a DRAFT is unknown to fans) and whether they were cancelled. Idempotent: a redelivery of the
 * same definition changes nothing and publishes nothing; a new event or a moved sale publishes the settings.
 */
@Component
class EventInventoryListener {

    private static final Logger log = LoggerFactory.getLogger(EventInventoryListener.class);

    private final SettingsStore store;
    private final SettingsPublisher publisher;

    EventInventoryListener(SettingsStore store, SettingsPublisher publisher) {
        this.store = store;
        this.publisher = publisher;
    }

    @KafkaListener(id = "waiting-room-inventory", topics = Topics.CATALOG_EVENT_INVENTORY,
            groupId = "${ticketing.waiting-room.inventory-group}")
    void onInventory(ConsumerRecord<String, String> record) throws Exception {
        if (record.value() == null) {
            return;
        }
        EventInventoryDefined event = MessageJson.mapper().readValue(record.value(), EventInventoryDefined.class);
        if (event.onSaleAt() == null) {
            log.warn("event {} has no on_sale_at; ignored", event.eventId());
            return;
        }
        if (store.learn(event.eventId(), EventLifecycle.of(event))) {
            store.find(event.eventId()).ifPresent(publisher::publish);
            log.info("waiting room of event {} set up: sale at {}{}", event.eventId(), event.onSaleAt(),
                    event.isPublished() ? "" : " (draft)");
        }
        if (event.cancelled()) {
            log.info("waiting room of event {} closed: the event is cancelled", event.eventId());
        }
    }
}
