package io.surge.ticketing.booking.inventory;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import io.surge.ticketing.booking.availability.AvailabilityRebuilder;
import io.surge.ticketing.contracts.Topics;
import io.surge.ticketing.contracts.messages.EventInventoryDefined;
import io.surge.ticketing.contracts.messages.MessageJson;
import io.surge.ticketing.contracts.messages.SaleSettingsChanged;

/** Consumes the catalog's inventory hand-off and the waiting room's sale settings. */
@Component
class InventoryListener {

    private static final Logger log = LoggerFactory.getLogger(InventoryListener.class);

    private final InventoryLoader loader;
    private final EventInventoryRepository events;
    private final AvailabilityRebuilder availability;

    InventoryListener(InventoryLoader loader, EventInventoryRepository events, AvailabilityRebuilder availability) {
        this.loader = loader;
        this.events = events;
        this.availability = availability;
    }

    @KafkaListener(id = "booking-inventory", topics = Topics.CATALOG_EVENT_INVENTORY, groupId = "booking-inventory")
    void onInventory(ConsumerRecord<String, String> record) throws Exception {
        EventInventoryDefined inventory = MessageJson.mapper().readValue(record.value(), EventInventoryDefined.class);
        if (loader.load(inventory)) {
            // Fresh statistics right away, so the planner keeps using the available-seat index (a seq scan on a
            // freshly loaded event costs several times more) instead of waiting for autovacuum.
            loader.analyze();
            // A new event's bitfield is built from Postgres, whatever Redis may hold under that id.
            availability.rebuild(inventory.eventId());
        } else {
            availability.ensure(inventory.eventId());
        }
    }

    @KafkaListener(id = "booking-sale-settings", topics = Topics.SALE_SETTINGS, groupId = "booking-sale-settings")
    void onSaleSettings(ConsumerRecord<String, String> record) throws Exception {
        if (record.value() == null) {
            return; // a compaction tombstone
        }
        SaleSettingsChanged settings = MessageJson.mapper().readValue(record.value(), SaleSettingsChanged.class);
        events.upsertSaleSettings(settings.eventId(), settings.holdSeconds(), settings.maxTicketsPerUser(),
                settings.presaleStartsAt(), settings.presaleEndsAt());
        log.info("sale settings of event {}: hold {} s, at most {} tickets per user, presale {} to {}",
                settings.eventId(), settings.holdSeconds(), settings.maxTicketsPerUser(), settings.presaleStartsAt(),
                settings.presaleEndsAt());
    }
}
