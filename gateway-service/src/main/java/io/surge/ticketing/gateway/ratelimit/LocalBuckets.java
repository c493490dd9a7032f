package io.surge.ticketing.gateway.ratelimit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;

/**
 * This instance's token buckets, one per (group, scope, subject) key: every request is decided here, in memory,
 * without a round trip. {@link GlobalBudget} reports what was spent to Redis in batches and lowers a bucket to the
 * cluster-wide level when other instances spent from it too, so many gateway replicas together keep one budget
 * (overshooting it by at most one sync interval's worth).
 */
@Component
class LocalBuckets {

    private final Cache<String, Bucket> buckets;
    private final Set<Bucket> spentSinceSync = ConcurrentHashMap.newKeySet();
    private final Ticker ticker;

    @Autowired
    LocalBuckets(RateLimitProperties properties) {
        this(properties, Ticker.systemTicker());
    }

    LocalBuckets(RateLimitProperties properties, Ticker ticker) {
        this.ticker = ticker;
        this.buckets = Caffeine.newBuilder()
                .ticker(ticker)
                .maximumSize(properties.maxBuckets())
                // a bucket idle this long is full again whatever its rate: forgetting it changes nothing
                .expireAfterAccess(Duration.ofMinutes(2))
                .build();
    }

    /** Takes one token from the key's bucket. */
    Decision take(String key, RateLimitProperties.Bucket limits) {
        Bucket bucket = buckets.get(key, k -> new Bucket(k, limits, ticker.read()));
        Decision decision = bucket.take(ticker.read());
        if (decision.allowed() && bucket.batchSpent()) {
            spentSinceSync.add(bucket);
        }
        return decision;
    }

    /** The buckets that spent a batch since the last call, with what each spent (reset to zero). */
    List<Spent> drainSpent() {
        List<Spent> spent = new ArrayList<>();
        for (Bucket bucket : spentSinceSync) {
            spentSinceSync.remove(bucket);
            int tokens = bucket.drain();
            if (tokens > 0) {
                spent.add(new Spent(bucket, tokens));
            }
        }
        return spent;
    }

    /** Lowers a bucket to what the cluster has left (never raises it: this instance's own spending still counts). */
    void reconcile(Bucket bucket, double clusterTokens) {
        bucket.reconcile(clusterTokens, ticker.read());
    }

    record Spent(Bucket bucket, int tokens) {
    }

    /** @param retryAfterSeconds when refused: how long until a token is back (at least 1) */
    record Decision(boolean allowed, long retryAfterSeconds) {
    }

    /** A token bucket refilled lazily from the elapsed time. */
    static final class Bucket {

        private final String key;
        private final RateLimitProperties.Bucket limits;
        private double tokens;
        private long refilledAt;
        private int spent;

        Bucket(String key, RateLimitProperties.Bucket limits, long now) {
            this.key = key;
            this.limits = limits;
            this.tokens = limits.burst();
            this.refilledAt = now;
        }

        String key() {
            return key;
        }

        RateLimitProperties.Bucket limits() {
            return limits;
        }

        synchronized Decision take(long now) {
            refill(now);
            if (tokens >= 1) {
                tokens -= 1;
                spent++;
                return new Decision(true, 0);
            }
            return new Decision(false, Math.max(1, (long) Math.ceil((1 - tokens) / limits.rate())));
        }

        /** Whether this bucket spent enough since its last report to report it (a tenth of its burst). */
        synchronized boolean batchSpent() {
            return spent >= Math.max(1, limits.burst() / 10);
        }

        synchronized int drain() {
            int drained = spent;
            spent = 0;
            return drained;
        }

        synchronized void reconcile(double clusterTokens, long now) {
            refill(now);
            // what this instance spent after its report is not in the cluster's figure yet
            tokens = Math.min(tokens, clusterTokens - spent);
        }

        private void refill(long now) {
            double elapsedSeconds = (now - refilledAt) / 1e9;
            if (elapsedSeconds > 0) {
                tokens = Math.min(limits.burst(), tokens + elapsedSeconds * limits.rate());
                refilledAt = now;
            }
        }
    }
}
