package io.surge.ticketing.gateway.ratelimit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.springframework.context.SmartLifecycle;
import org.springframework.core.io.ClassPathResource;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Flux;

/**
 * Keeps the gateway replicas on one budget per bucket: every {@code sync-interval} the buckets that spent a batch
 * (a tenth of their burst, at least one token) on this instance report it to their Redis bucket (pipelined on one
 * connection), and a bucket that other instances drained too is lowered to what the cluster has left. So Redis
 * sees one call per batch of tokens, not one per request, and the replicas together overshoot a budget by at most
 * a batch each per interval. Requests never wait for it. While
 * Redis cannot be reached the local buckets keep deciding alone (each instance enforces its own buckets) and health
 * says DEGRADED.
 */
@Component
class GlobalBudget implements SmartLifecycle {

    // the source read once: a script backed by a resource re-checks the resource's modification time on every call
    private static final RedisScript<String> SYNC = RedisScript.of(source("scripts/token_bucket_sync.lua"), String.class);

    private final LocalBuckets buckets;
    private final ReactiveStringRedisTemplate redis;
    private final RateLimitProperties properties;
    private final RedisAvailability availability;
    private ScheduledExecutorService scheduler;

    GlobalBudget(LocalBuckets buckets, ReactiveStringRedisTemplate redis, RateLimitProperties properties,
            RedisAvailability availability) {
        this.buckets = buckets;
        this.redis = redis;
        this.properties = properties;
        this.availability = availability;
    }

    /** Reports what was spent since the last sync and reconciles the buckets; returns how many were reported. */
    int sync() {
        List<LocalBuckets.Spent> spent = buckets.drainSpent();
        if (spent.isEmpty()) {
            return 0;
        }
        try {
            Flux.fromIterable(spent)
                    .flatMap(s -> redis.execute(SYNC, List.of(properties.keyPrefix() + s.bucket().key()),
                                    List.of(Double.toString(s.bucket().limits().rate()),
                                            Integer.toString(s.bucket().limits().burst()), Integer.toString(s.tokens())))
                            .next()
                            .doOnNext(left -> buckets.reconcile(s.bucket(), Double.parseDouble(left))), 256)
                    .then()
                    .block(properties.redisTimeout());
            availability.succeeded();
        } catch (RuntimeException e) {
            availability.failed(e);
        }
        return spent.size();
    }

    private static String source(String path) {
        try {
            return new ClassPathResource(path).getContentAsString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public synchronized void start() {
        if (scheduler == null && properties.enabled()) {
            scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
                Thread thread = new Thread(task, "rate-limit-sync");
                thread.setDaemon(true);
                return thread;
            });
            long interval = properties.syncInterval().toMillis();
            scheduler.scheduleWithFixedDelay(this::sync, interval, interval, TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public synchronized void stop() {
        if (scheduler != null) {
            scheduler.shutdown();
            scheduler = null;
            sync();
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return scheduler != null;
    }
}
