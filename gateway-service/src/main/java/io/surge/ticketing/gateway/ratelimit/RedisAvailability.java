package io.surge.ticketing.gateway.ratelimit;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.stereotype.Component;

/**
 * Health of the rate limiter's cluster-wide budget. When Redis fails, each instance keeps enforcing its own buckets
 * (the limits hold per instance, not across replicas); health says DEGRADED so operators notice, but the gateway
 * stays ready: taking the whole site down because the limiter's store is down would be worse than the surge.
 */
@Component("rateLimiter")
class RedisAvailability implements HealthIndicator {

    static final Status DEGRADED = new Status("DEGRADED", "rate limiter store unavailable: limits hold per instance only");
    private static final Logger log = LoggerFactory.getLogger(RedisAvailability.class);

    private final AtomicReference<Instant> failingSince = new AtomicReference<>();
    private volatile String lastError = "";

    void succeeded() {
        Instant since = failingSince.getAndSet(null);
        if (since != null) {
            log.info("rate limiter store is back (was failing since {})", since);
        }
    }

    void failed(Throwable error) {
        lastError = error.getClass().getSimpleName() + ": " + error.getMessage();
        if (failingSince.compareAndSet(null, Instant.now())) {
            log.warn("rate limiter store unavailable, limits hold per instance only: {}", lastError);
        }
    }

    @Override
    public Health health() {
        Instant since = failingSince.get();
        if (since == null) {
            return Health.up().withDetail("mode", "enforcing").build();
        }
        return Health.status(DEGRADED).withDetail("mode", "per-instance limits only")
                .withDetail("failing_since", since.toString()).withDetail("error", lastError).build();
    }
}
