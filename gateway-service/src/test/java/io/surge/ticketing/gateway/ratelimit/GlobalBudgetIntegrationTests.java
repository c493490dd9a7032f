package io.surge.ticketing.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Status;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

import io.surge.ticketing.testsupport.RedisConnections;

/**
 * Two gateway instances (two sets of local buckets, each with its sync) on the real Redis of the local stack, on
 * keys of their own: together they keep one budget.
 */
class GlobalBudgetIntegrationTests {

    private static LettuceConnectionFactory connections;
    private static ReactiveStringRedisTemplate redis;

    @BeforeAll
    static void connect() {
        connections = RedisConnections.open();
        redis = new ReactiveStringRedisTemplate(connections);
    }

    @AfterAll
    static void disconnect() {
        connections.destroy();
    }

    private static RateLimitProperties properties(String prefix) {
        return new RateLimitProperties(true, prefix, Duration.ofSeconds(2), Duration.ofMillis(100), 1000, List.of());
    }

    @Test
    void replicasShareOneBudget_whatOneSpentTheOtherCannotSpendAgain() {
        String prefix = "test:rl:" + UUID.randomUUID() + ":";
        RateLimitProperties properties = properties(prefix);
        LocalBuckets a = new LocalBuckets(properties);
        LocalBuckets b = new LocalBuckets(properties);
        GlobalBudget syncA = new GlobalBudget(a, redis, properties, new RedisAvailability());
        GlobalBudget syncB = new GlobalBudget(b, redis, properties, new RedisAvailability());
        RateLimitProperties.Bucket limits = new RateLimitProperties.Bucket(0.01, 10);

        for (int i = 0; i < 8; i++) {
            assertThat(a.take("read:user:fan-1", limits).allowed()).isTrue();
        }
        assertThat(syncA.sync()).isEqualTo(1);
        // b has not heard of it yet: it spends locally, then learns what the cluster has left
        assertThat(b.take("read:user:fan-1", limits).allowed()).isTrue();
        syncB.sync();
        int allowedAfter = 0;
        for (int i = 0; i < 10; i++) {
            if (b.take("read:user:fan-1", limits).allowed()) {
                allowedAfter++;
            }
        }
        assertThat(allowedAfter).isEqualTo(1); // 10 in the bucket, 8 + 1 spent: one left in the whole cluster
        syncB.sync();
        // a learns the cluster's level with its next report: its own spending since counts against it
        assertThat(a.take("read:user:fan-1", limits).allowed()).isTrue();
        syncA.sync();
        assertThat(a.take("read:user:fan-1", limits).allowed()).isFalse();
        redis.delete(prefix + "read:user:fan-1").block();
    }

    @Test
    void whenRedisCannotBeReachedTheLocalBucketsKeepDecidingAndHealthSaysDegraded() {
        LettuceConnectionFactory dead = new LettuceConnectionFactory(new RedisStandaloneConfiguration("127.0.0.1", 1));
        dead.afterPropertiesSet();
        dead.start();
        RateLimitProperties properties = properties("test:rl:");
        LocalBuckets buckets = new LocalBuckets(properties);
        RedisAvailability availability = new RedisAvailability();
        GlobalBudget sync = new GlobalBudget(buckets, new ReactiveStringRedisTemplate(dead), properties, availability);
        RateLimitProperties.Bucket limits = new RateLimitProperties.Bucket(0.01, 2);

        assertThat(buckets.take("x", limits).allowed()).isTrue();
        sync.sync();

        assertThat(availability.health().getStatus()).isEqualTo(new Status("DEGRADED"));
        assertThat(buckets.take("x", limits).allowed()).isTrue();
        assertThat(buckets.take("x", limits).allowed()).isFalse();
        dead.destroy();
    }
}
