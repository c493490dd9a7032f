package io.surge.ticketing.booking.availability;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import io.surge.ticketing.booking.inventory.InventoryLoaded;

/** Gives a newly loaded event its bitfield: built from Postgres when fresh, else only when Redis lacks it. */
@Component
class InventoryLoadedListener {

    private final AvailabilityRebuilder rebuilder;

    InventoryLoadedListener(AvailabilityRebuilder rebuilder) {
        this.rebuilder = rebuilder;
    }

    @EventListener
    void on(InventoryLoaded loaded) {
        if (loaded.fresh()) {
            // A new event's bitfield is built from Postgres, whatever Redis may hold under that id.
            rebuilder.rebuild(loaded.eventId());
        } else {
            rebuilder.ensure(loaded.eventId());
        }
    }
}
