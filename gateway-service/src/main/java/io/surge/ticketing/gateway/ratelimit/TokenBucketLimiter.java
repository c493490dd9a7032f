package io.surge.ticketing.gateway.ratelimit;

import java.time.Duration;
import java.util.List;

import org.springframework.core.io.ClassPathResource;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;

/** Takes one token from a Redis bucket; {@link Decision#unknown()} when Redis did not answer in time. */
@Component
class TokenBucketLimiter {

    @SuppressWarnings("rawtypes")
    private static final RedisScript<List> SCRIPT =
            RedisScript.of(new ClassPathResource("scripts/token_bucket.lua"), List.class);

    private final ReactiveStringRedisTemplate redis;
    private final Duration timeout;
    private final RedisAvailability availability;

    TokenBucketLimiter(ReactiveStringRedisTemplate redis, RateLimitProperties properties, RedisAvailability availability) {
        this.redis = redis;
        this.timeout = properties.redisTimeout();
        this.availability = availability;
    }

    Mono<Decision> take(String key, RateLimitProperties.Bucket bucket) {
        return redis.execute(SCRIPT, List.of(key),
                        List.of(Double.toString(bucket.rate()), Integer.toString(bucket.burst()), "1"))
                .next()
                .timeout(timeout)
                .map(result -> {
                    availability.succeeded();
                    return new Decision(((Number) result.get(0)).longValue() == 1,
                            Math.max(1, ((Number) result.get(1)).longValue()), false);
                })
                .onErrorResume(e -> {
                    availability.failed(e);
                    return Mono.just(Decision.unavailable());
                });
    }

    /** @param unknown Redis could not be asked: the caller decides whether to fail open */
    record Decision(boolean allowed, long retryAfterSeconds, boolean unknown) {

        static Decision unavailable() {
            return new Decision(false, 1, true);
        }
    }
}
