package io.surge.ticketing.cleanup.expiry;

import java.util.ArrayList;
import java.util.List;
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
 * The safety net under the delay queue: holds expired for longer than {@code sweep-grace} (the queue lost them:
 * Redis restarted, a ZADD failed) are locked with {@code FOR UPDATE SKIP LOCKED} and released in the same
 * transaction, so several workers sweep side by side without waiting for each other.
 */
@Component
class ExpirySweep {

    private static final Logger log = LoggerFactory.getLogger(ExpirySweep.class);

    private final HoldReleaser releaser;
    private final ExpiredHolds holds;
    private final HoldQueue queue;
    private final ReleaseRecorder recorder;
    private final TransactionTemplate tx;
    private final CleanupProperties properties;

    ExpirySweep(HoldReleaser releaser, ExpiredHolds holds, HoldQueue queue, ReleaseRecorder recorder, TransactionTemplate tx,
            CleanupProperties properties) {
        this.releaser = releaser;
        this.holds = holds;
        this.queue = queue;
        this.recorder = recorder;
        this.tx = tx;
        this.properties = properties;
    }

    @Scheduled(fixedDelayString = "${ticketing.cleanup.sweep-interval}", initialDelayString = "${ticketing.cleanup.sweep-interval}")
    void sweep() {
        try {
            int released;
            do {
                released = sweepOnce();
            } while (released == properties.sweepBatch());
        } catch (RuntimeException e) {
            log.warn("expiry sweep failed, next round retries: {}", e.toString());
        }
    }

    /** One transaction; returns how many holds it released. */
    int sweepOnce() {
        List<ExpiredHold> released = tx.execute(status -> {
            List<UUID> expired = holds.lockExpiredSkipLocked(properties.sweepGrace(), properties.sweepBatch());
            if (expired.isEmpty()) {
                return List.<ExpiredHold>of();
            }
            List<UUID> releasable = new ArrayList<>(expired);
            releasable.removeAll(inflight(expired));
            return releaser.release(releasable);
        });
        if (released == null || released.isEmpty()) {
            return 0;
        }
        log.info("sweep released {} expired holds the delay queue missed", released.size());
        recorder.released(released, "sweep");
        return released.size();
    }

    private List<UUID> inflight(List<UUID> ids) {
        try {
            return queue.paymentsInFlight(ids);
        } catch (RuntimeException e) {
            // Without Redis payment-service does not charge (it cannot mark the payment), so none is in flight.
            return List.of();
        }
    }
}
