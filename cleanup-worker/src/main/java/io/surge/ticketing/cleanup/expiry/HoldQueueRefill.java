package io.surge.ticketing.cleanup.expiry;

import java.util.Map;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Instant;

import io.surge.ticketing.bookingstore.expiry.ExpiredHolds;

/**
 * Rebuilds the delay queue from Postgres after Redis lost it (a restart without persistence, a FLUSHALL): the
 * marker {@code booking:holds:seeded} disappears with the data, so its absence triggers one refill with
 * {@code ZADD NX} of every live hold. Several workers refilling at once add the same members: harmless.
 */
@Component
class HoldQueueRefill {

    private static final Logger log = LoggerFactory.getLogger(HoldQueueRefill.class);
    private static final int MAX_HOLDS = 200_000;

    private final HoldQueue queue;
    private final ExpiredHolds holds;

    HoldQueueRefill(HoldQueue queue, ExpiredHolds holds) {
        this.queue = queue;
        this.holds = holds;
    }

    @Scheduled(fixedDelayString = "${ticketing.cleanup.requeue-interval}")
    void refillIfLost() {
        try {
            if (queue.seeded()) {
                return;
            }
            Map<UUID, Instant> live = holds.liveHolds(MAX_HOLDS);
            queue.addIfAbsent(live);
            queue.markSeeded();
            log.info("delay queue (re)filled from Postgres with {} live holds", live.size());
        } catch (RuntimeException e) {
            log.warn("delay queue refill failed, next round retries: {}", e.toString());
        }
    }
}
