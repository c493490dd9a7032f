package io.surge.ticketing.cleanup.expiry;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.surge.ticketing.bookingstore.expiry.ExpiredHold;
import io.surge.ticketing.bookingstore.expiry.ExpiredHolds;
import io.surge.ticketing.cleanup.CleanupProperties;

/**
 * Releases each hold when it expires: every {@code poll-interval} it claims the due members of
 * {@code booking:holds} (atomically, so several workers share the queue) and expires them in Postgres in one
 * transaction per batch. Holds whose payment is in flight were put back by the claim; holds the database does not
 * consider expired yet (clock skew) go back at their expiry; a failed release goes back a second later.
 */
@Component
class DelayQueueWorker {

    private static final Logger log = LoggerFactory.getLogger(DelayQueueWorker.class);

    private final HoldQueue queue;
    private final HoldReleaser releaser;
    private final ExpiredHolds holds;
    private final ReleaseRecorder recorder;
    private final TransactionTemplate tx;
    private final CleanupProperties properties;
    private final Clock clock;

    DelayQueueWorker(HoldQueue queue, HoldReleaser releaser, ExpiredHolds holds, ReleaseRecorder recorder, TransactionTemplate tx,
            CleanupProperties properties, Clock clock) {
        this.queue = queue;
        this.releaser = releaser;
        this.holds = holds;
        this.recorder = recorder;
        this.tx = tx;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${ticketing.cleanup.poll-interval}")
    void poll() {
        try {
            int claimed;
            do {
                claimed = releaseDue();
            } while (claimed == properties.claimBatch());
        } catch (RuntimeException e) {
            log.warn("delay queue poll failed (the sweep catches what it misses): {}", e.toString());
        }
    }

    /** One batch; returns how many holds were claimed. */
    int releaseDue() {
        Instant now = clock.instant();
        List<UUID> due = queue.claimDue(now, properties.claimBatch(), properties.inflightRetry().toMillis());
        if (due.isEmpty()) {
            return 0;
        }
        List<ExpiredHold> released;
        try {
            released = tx.execute(status -> releaser.release(due));
        } catch (RuntimeException e) {
            Map<UUID, Instant> retry = new HashMap<>();
            due.forEach(id -> retry.put(id, now.plusSeconds(1)));
            queue.schedule(retry);
            throw e;
        }
        recorder.released(released, "queue");
        if (released.size() < due.size()) {
            Set<UUID> left = new HashSet<>(due);
            released.forEach(hold -> left.remove(hold.bookingId()));
            // Still RESERVED with a later expiry by the database's clock: come back then. Anything else (confirmed,
            // cancelled, already expired) needs nothing more.
            queue.schedule(holds.notYetExpired(left));
        }
        return due.size();
    }
}
