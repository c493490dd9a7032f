package io.surge.ticketing.waitingroom.queue;

import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.surge.ticketing.waitingroom.WaitingRoomProperties;

/**
 * Drops entries that stopped polling so they do not stall the line (see {@code sweep.lua}) and measures the
 * queue depth on the way. Every replica may run it: the script is atomic and idempotent, so two sweeps of the
 * same event at once drop each entry once.
 */
@Component
class IdleSweeper {

    private static final Logger log = LoggerFactory.getLogger(IdleSweeper.class);

    private final StringRedisTemplate redis;
    private final QueueScripts scripts;
    private final WaitingRoomProperties properties;
    private final AtomicLong depth = new AtomicLong();
    private final Counter dropped;

    IdleSweeper(StringRedisTemplate redis, QueueScripts scripts, WaitingRoomProperties properties, MeterRegistry meters) {
        this.redis = redis;
        this.scripts = scripts;
        this.properties = properties;
        Gauge.builder("waitingroom.queue.depth", depth, AtomicLong::get)
                .description("entries waiting (pre-queue and queued, not admitted), all events").register(meters);
        this.dropped = Counter.builder("waitingroom.dropped").description("idle entries dropped").register(meters);
    }

    @Scheduled(fixedDelayString = "${ticketing.waiting-room.sweep-interval:5s}", initialDelayString = "5s")
    void sweep() {
        try {
            Set<String> events = redis.opsForSet().members(QueueKeys.EVENTS);
            long total = 0;
            for (String event : events == null ? Set.<String>of() : events) {
                QueueScripts.SweepResult r = scripts.sweep(Long.parseLong(event),
                        properties.idleTimeout().toMillis(), properties.sweepBatch());
                dropped.increment(r.dropped());
                total += r.depth();
            }
            depth.set(total);
        } catch (RuntimeException e) {
            log.warn("idle sweep failed: {}", e.toString());
        }
    }
}
