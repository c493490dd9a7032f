package io.surge.ticketing.waitingroom.queue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.StringRedisConnection;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.DefaultRedisScript;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.surge.ticketing.contracts.admission.AdmissionTokenCodec;
import io.surge.ticketing.testsupport.Redis;
import io.surge.ticketing.testsupport.RedisConnections;
import io.surge.ticketing.testsupport.TestInfrastructure;
import io.surge.ticketing.waitingroom.WaitingRoomProperties;
import io.surge.ticketing.waitingroom.keys.QueueKeys;
import io.surge.ticketing.waitingroom.settings.SettingsStore;

/**
 * The waiting room's cost on this machine, beside redis-benchmark in the same run. Not part of {@code verify}
 * (the name does not end in Tests); run it on purpose, on a quiet machine:
 * <pre>
 * set -a; source .ticketing/secrets/env; set +a
 * ./mvnw -pl waiting-room-service verify -Dtest=WaitingRoomBenchmark -DskipITs -Dbench.raffle=1000000 -Dbench.seconds=10
 * </pre>
 * It prints: joins/s and status polls/s through the use case behind the HTTP endpoints (the Redis path; HTTP and
 * the gateway come on top), redis-benchmark GET ops/s (same machine, same moment), the time the raffle takes at T0
 * for {@code bench.raffle} pre-queued entries (the freeze plus the first polls) and Redis memory per queued user.
 */
class WaitingRoomBenchmark {

    @Test
    void measure() throws Exception {
        int raffleSize = Integer.getInteger("bench.raffle", 100_000);
        int seconds = Integer.getInteger("bench.seconds", 3);
        int threads = Integer.getInteger("bench.threads", 8);
        LettuceConnectionFactory connections = RedisConnections.open();
        StringRedisTemplate redis = new StringRedisTemplate(connections);
        WaitingRoomProperties properties = new WaitingRoomProperties(Duration.ofSeconds(120), Duration.ofSeconds(5), 1000, Duration.ofMillis(250),
                new WaitingRoomProperties.Defaults(Duration.ofMinutes(30), 600, 900, 600, 8),
                new WaitingRoomProperties.Adaptive(false, "booking-commands", 5000, 500, 0.1, 0.1, Duration.ofSeconds(5)),
                Duration.ofSeconds(2), "waiting-room-inventory", "waiting-room-availability");
        SettingsStore settings = new SettingsStore(redis, properties);
        QueueScripts scripts = new QueueScripts(redis);
        WaitingRoom room = new WaitingRoom(scripts, settings, new io.surge.ticketing.waitingroom.presale.PresaleStore(redis), event -> false,
                AdmissionTokenCodec.fromSecret("bench-secret-bench-secret-bench-secret-42", Clock.systemUTC()), Clock.systemUTC(),
                new SimpleMeterRegistry());
        long base = 7_000_000_000L + System.nanoTime() % 1_000_000_000L;
        long joinEvent = base;
        long raffleEvent = base + 1;
        try {
            // 1. joins/s and polls/s through the use case, pre-queue (before T0)
            settings.learn(joinEvent, Instant.now().plus(Duration.ofMinutes(10)));
            AtomicLong ids = new AtomicLong();
            double joins = rate(threads, seconds, () -> room.join(joinEvent, "b-" + ids.incrementAndGet()));
            long joined = ids.get();
            AtomicLong polls = new AtomicLong();
            double pollRate = rate(threads, seconds, () -> room.status(joinEvent, "b-" + (1 + polls.incrementAndGet() % joined)));
            long memory = memory(redis, QueueKeys.all(joinEvent));

            // 2. the raffle: N pre-queued entries (pipelined, same keys the join writes), then T0
            SecureRandom random = new SecureRandom();
            settings.learn(raffleEvent, Instant.now().plus(Duration.ofMinutes(10)));
            String pre = QueueKeys.all(raffleEvent).get(1);
            for (int from = 0; from < raffleSize; from += 10_000) {
                int start = from;
                redis.executePipelined((RedisCallback<Object>) c -> {
                    byte[] key = pre.getBytes(java.nio.charset.StandardCharsets.UTF_8);
                    for (int i = start; i < Math.min(start + 10_000, raffleSize); i++) {
                        c.zSetCommands().zAdd(key, random.nextLong() & ((1L << 53) - 1),
                                ("r-" + i).getBytes(java.nio.charset.StandardCharsets.UTF_8));
                    }
                    return null;
                });
            }
            settings.learn(raffleEvent, Instant.now().minusMillis(1));
            long t0 = System.nanoTime();
            room.status(raffleEvent, "r-0"); // freezes the pre-queue: ZCARD, whatever its size
            double freezeMs = (System.nanoTime() - t0) / 1e6;
            long t1 = System.nanoTime();
            for (int i = 1; i <= 1000; i++) {
                room.status(raffleEvent, "r-" + (i * (raffleSize / 1001)));
            }
            double placeMs = (System.nanoTime() - t1) / 1e6 / 1000;

            System.out.printf("%n=== waiting room benchmark (%d threads, %d s each) ===%n", threads, seconds);
            System.out.printf("joins/s (pre-queue, use case -> Redis): %,.0f%n", joins);
            System.out.printf("status polls/s (use case -> Redis):     %,.0f%n", pollRate);
            System.out.printf("redis-benchmark GET ops/s (P=1):        %s%n", redisBenchmark(TestInfrastructure.redis()));
            System.out.printf("raffle of %,d pre-queued entries at T0: %.2f ms (freeze), then %.3f ms per first poll%n",
                    raffleSize, freezeMs, placeMs);
            System.out.printf("Redis memory per pre-queued user:       %,d bytes (%,d users)%n", memory / Math.max(1, joined), joined);
        } finally {
            redis.delete(QueueKeys.all(joinEvent));
            redis.delete(QueueKeys.all(raffleEvent));
            redis.opsForSet().remove(QueueKeys.EVENTS, Long.toString(joinEvent), Long.toString(raffleEvent));
            connections.destroy();
        }
    }

    private static double rate(int threads, int seconds, Runnable call) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicLong done = new AtomicLong();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        long start = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            pool.submit(() -> {
                while (System.nanoTime() < end) {
                    call.run();
                    done.incrementAndGet();
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(seconds + 30L, TimeUnit.SECONDS);
        return done.get() / ((System.nanoTime() - start) / 1e9);
    }

    private static long memory(StringRedisTemplate redis, List<String> keys) {
        long total = 0;
        for (String key : keys) {
            Long usage = redis.execute(new DefaultRedisScript<>(
                    "return redis.call('MEMORY', 'USAGE', KEYS[1], 'SAMPLES', '0')", Long.class), List.of(key));
            if (usage != null) {
                total += usage;
            }
        }
        return total;
    }

    private static String redisBenchmark(Redis server) {
        try {
            Process p = new ProcessBuilder("redis-benchmark", "-h", server.host(), "-p", Integer.toString(server.port()), "-q", "-t", "get",
                    "-n", "50000").redirectErrorStream(true).start();
            // progress lines are separated by carriage returns: the last line is the result
            String last = "";
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    if (!line.isBlank()) {
                        last = line.trim();
                    }
                }
            }
            p.waitFor(60, TimeUnit.SECONDS);
            return last;
        } catch (Exception e) {
            return "n/a (" + e.getMessage() + ")";
        }
    }
}
