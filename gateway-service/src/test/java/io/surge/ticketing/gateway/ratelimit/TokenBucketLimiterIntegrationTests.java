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

/** The Lua token bucket against the real Redis of the local stack, on keys of its own. */
class TokenBucketLimiterIntegrationTests {

    private static LettuceConnectionFactory connections;
    private static ReactiveStringRedisTemplate redis;

    @BeforeAll
    static void connect() {
        String host = System.getenv().getOrDefault("TICKETING_REDIS_HOST", "127.0.0.1");
        int port = Integer.parseInt(System.getenv().getOrDefault("TICKETING_REDIS_PORT", "6379"));
        connections = new LettuceConnectionFactory(new RedisStandaloneConfiguration(host, port));
        connections.afterPropertiesSet();
        connections.start();
        redis = new ReactiveStringRedisTemplate(connections);
    }

    @AfterAll
    static void disconnect() {
        connections.destroy();
    }

    private static TokenBucketLimiter limiter(RedisAvailability availability) {
        return new TokenBucketLimiter(redis,
                new RateLimitProperties(true, "test:rl:", Duration.ofSeconds(2), List.of()), availability);
    }

    @Test
    void aBucketAllowsItsBurstThenRefusesWithARetryAfter() {
        TokenBucketLimiter limiter = limiter(new RedisAvailability());
        String key = "test:rl:" + UUID.randomUUID();
        RateLimitProperties.Bucket bucket = new RateLimitProperties.Bucket(0.5, 5);

        for (int i = 0; i < 5; i++) {
            assertThat(limiter.take(key, bucket).block().allowed()).isTrue();
        }
        TokenBucketLimiter.Decision refused = limiter.take(key, bucket).block();

        assertThat(refused.allowed()).isFalse();
        assertThat(refused.unknown()).isFalse();
        assertThat(refused.retryAfterSeconds()).isBetween(1L, 2L);
        assertThat(redis.getExpire(key).block()).isPositive();
        redis.delete(key).block();
    }

    @Test
    void bucketsOfDifferentKeysAreIndependent() {
        TokenBucketLimiter limiter = limiter(new RedisAvailability());
        RateLimitProperties.Bucket bucket = new RateLimitProperties.Bucket(1, 1);
        String a = "test:rl:" + UUID.randomUUID();
        String b = "test:rl:" + UUID.randomUUID();

        assertThat(limiter.take(a, bucket).block().allowed()).isTrue();
        assertThat(limiter.take(a, bucket).block().allowed()).isFalse();
        assertThat(limiter.take(b, bucket).block().allowed()).isTrue();
        redis.delete(a, b).block();
    }

    @Test
    void whenRedisCannotBeReachedTheDecisionIsUnknownAndHealthSaysDegraded() {
        LettuceConnectionFactory dead = new LettuceConnectionFactory(new RedisStandaloneConfiguration("127.0.0.1", 1));
        dead.afterPropertiesSet();
        dead.start();
        RedisAvailability availability = new RedisAvailability();
        TokenBucketLimiter limiter = new TokenBucketLimiter(new ReactiveStringRedisTemplate(dead),
                new RateLimitProperties(true, "test:rl:", Duration.ofMillis(500), List.of()), availability);

        TokenBucketLimiter.Decision decision = limiter.take("test:rl:x", new RateLimitProperties.Bucket(1, 1)).block();

        assertThat(decision.unknown()).isTrue();
        assertThat(availability.health().getStatus()).isEqualTo(new Status("DEGRADED"));
        dead.destroy();
    }
}
