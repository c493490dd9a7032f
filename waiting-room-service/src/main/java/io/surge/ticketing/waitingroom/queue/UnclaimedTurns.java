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
import io.surge.ticketing.waitingroom.keys.QueueKeys;

/**
 * Gives back the capacity of turns nobody came for: fans poll the public progress, not their own entry, so the
 * waiting room learns that a fan left only when its turn passes and it does not come to claim it within the claim
 * grace (see {@code sweep.lua}). The serving counter then moves on by that many more numbers, so absent fans do not
 * stall the line, and one who comes back late queues again at the back. Measures the queue depth on the way. Every
 * replica may run it: the script is atomic, and settles each turn once.
 */
@Component
class UnclaimedTurns {

    private static final Logger log = LoggerFactory.getLogger(UnclaimedTurns.class);

    private final StringRedisTemplate redis;
    private final QueueScripts scripts;
    private final WaitingRoomProperties properties;
    private final AtomicLong depth = new AtomicLong();
    private final Counter unclaimed;

    UnclaimedTurns(StringRedisTemplate redis, QueueScripts scripts, WaitingRoomProperties properties, MeterRegistry meters) {
        this.redis = redis;
        this.scripts = scripts;
        this.properties = properties;
        Gauge.builder("waitingroom.queue.depth", depth, AtomicLong::get)
                .description("entries waiting (pre-queue and queued, not admitted), all events").register(meters);
        this.unclaimed = Counter.builder("waitingroom.unclaimed")
                .description("turns that passed without their fan coming; their capacity went to the next fans")
                .register(meters);
    }

    @Scheduled(fixedDelayString = "${ticketing.waiting-room.sweep-interval}", initialDelayString = "5s")
    void settle() {
        try {
            Set<String> events = redis.opsForSet().members(QueueKeys.EVENTS);
            long total = 0;
            for (String event : events == null ? Set.<String>of() : events) {
                for (QueueKeys.Line line : QueueKeys.Line.values()) {
                    // a presale line the event does not have answers at once
                    QueueScripts.SweepResult r = scripts.sweep(Long.parseLong(event), line,
                            properties.claimGrace().toMillis(), properties.settleBatch());
                    unclaimed.increment(r.unclaimed());
                    total += r.depth();
                }
            }
            depth.set(total);
        } catch (RuntimeException e) {
            log.warn("settling unclaimed turns failed: {}", e.toString());
        }
    }
}
