package io.surge.ticketing.catalog.inventory;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import io.surge.ticketing.catalog.event.EventChanged;
import io.surge.ticketing.contracts.Topics;
import io.surge.ticketing.contracts.messages.EventInventoryDefined;

/**
 * Runs inside the transaction that changed the event (a plain, synchronous listener): the outbox row commits
 * or rolls back with the change itself.
 */
@Component
class InventoryOutboxWriter {

    private final OutboxRepository outbox;

    InventoryOutboxWriter(OutboxRepository outbox) {
        this.outbox = outbox;
    }

    @EventListener
    void on(EventChanged changed) {
        if (!changed.inventoryChanged()) {
            return;
        }
        EventInventoryDefined message = InventoryMessages.inventoryOf(changed.event());
        outbox.append(Topics.CATALOG_EVENT_INVENTORY, Long.toString(message.eventId()),
                EventInventoryDefined.class.getName(), InventoryMessages.toJson(message));
    }
}
