package io.surge.ticketing.booking.inventory;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import io.surge.ticketing.contracts.Topics;
import io.surge.ticketing.contracts.messages.EventInventoryDefined;
import io.surge.ticketing.contracts.messages.MessageJson;
import io.surge.ticketing.contracts.messages.SaleSettingsChanged;

/**
 * Consumes the catalog's inventory hand-off (announced as {@link InventoryLoaded}: availability builds the bitfield)
 * and the waiting room's sale settings.
 */
@Component
class InventoryListener {

    private static final Logger log = LoggerFactory.getLogger(InventoryListener.class);

    private final InventoryLoader loader;
    private final EventInventoryRepository events;
    private final ApplicationEventPublisher announcements;

    InventoryListener(InventoryLoader loader, EventInventoryRepository events,
            ApplicationEventPublisher announcements) {
        this.loader = loader;
        this.events = events;
        this.announcements = announcements;
    }

    @KafkaListener(id = "booking-inventory", topics = Topics.CATALOG_EVENT_INVENTORY, groupId = "booking-inventory")
    void onInventory(ConsumerRecord<String, String> record) throws Exception {
        EventInventoryDefined inventory = MessageJson.mapper().readValue(record.value(), EventInventoryDefined.class);
        boolean fresh = loader.load(inventory);
        if (fresh) {
            // Fresh statistics right away, so the planner keeps using the available-seat index (a seq scan on a
            // freshly loaded event costs several times more) instead of waiting for autovacuum.
            loader.analyze();
        }
        announcements.publishEvent(new InventoryLoaded(inventory.eventId(), fresh));
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
