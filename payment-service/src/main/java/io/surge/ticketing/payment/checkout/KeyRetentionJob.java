package io.surge.ticketing.payment.checkout;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import io.surge.ticketing.payment.idempotency.IdempotencyKeys;

/** Forgets completed idempotency keys once they are older than the retention (at least 24 h); replica-safe. */
@Component
class KeyRetentionJob {

    private static final Logger log = LoggerFactory.getLogger(KeyRetentionJob.class);
    private static final int BATCH = 1000;

    private final IdempotencyKeys keys;
    private final CheckoutProperties properties;

    KeyRetentionJob(IdempotencyKeys keys, CheckoutProperties properties) {
        this.keys = keys;
        this.properties = properties;
    }

    @Scheduled(fixedDelayString = "${ticketing.payment.checkout.key-cleanup-interval}", initialDelayString = "1m")
    void deleteExpiredKeys() {
        try {
            int total = 0;
            int deleted;
            do {
                deleted = keys.deleteCompletedOlderThan(properties.keyRetention(), BATCH);
                total += deleted;
            } while (deleted == BATCH);
            if (total > 0) {
                log.info("deleted {} idempotency keys older than {}", total, properties.keyRetention());
            }
        } catch (RuntimeException e) {
            log.warn("idempotency key cleanup failed: {}", e.toString());
        }
    }
}
