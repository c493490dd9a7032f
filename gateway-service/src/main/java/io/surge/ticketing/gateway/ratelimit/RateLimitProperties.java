package io.surge.ticketing.gateway.ratelimit;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Token buckets per route group, each with a per-client-IP and a per-user (JWT subject) bucket. The first group
 * whose path patterns match a request applies. Each instance decides in memory ({@link LocalBuckets}); Redis holds
 * the cluster-wide budget, synced in batches ({@link GlobalBudget}).
 *
 * @param enabled        switch the limiter off entirely (tests of other parts, emergencies)
 * @param keyPrefix      Redis key prefix of the buckets
 * @param redisTimeout   how long one sync may wait for Redis
 * @param syncInterval   how often spent tokens are reported to Redis; replicas together overshoot a budget by at most
 *                       this long's worth of its rate
 * @param maxBuckets     local buckets kept per instance (the least recently used idle ones are forgotten first)
 * @param groups         route groups, first match wins
 */
@ConfigurationProperties("ticketing.gateway.ratelimit")
record RateLimitProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("gw:rl:") String keyPrefix,
        @DefaultValue("500ms") Duration redisTimeout,
        @DefaultValue("100ms") Duration syncInterval,
        @DefaultValue("500000") long maxBuckets,
        @DefaultValue List<Group> groups) {

    /** @param paths PathPattern syntax, e.g. {@code /api/v1/waiting-room/**} */
    record Group(String name, List<String> paths, Bucket perIp, Bucket perUser) {
    }

    /** @param rate tokens added per second; @param burst bucket capacity */
    record Bucket(double rate, int burst) {
    }
}
