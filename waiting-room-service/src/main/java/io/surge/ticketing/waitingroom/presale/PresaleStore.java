package io.surge.ticketing.waitingroom.presale;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.DefaultRedisScript;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

import io.surge.ticketing.waitingroom.keys.QueueKeys;

/**
 * An event's presale in Redis: the presale line's settings ({@code wr:{E}:ps:cfg}, read by the queue scripts), its
 * window copied into the event's cfg (so the settings answer and the message to booking carry it), and the codes'
 * hashes with their uses left ({@code wr:{E}:ps:codes}). A new set of codes is written aside and swapped in with one
 * atomic script, so a fan joining meanwhile sees the old set or the new one, never half of it.
 */
@Component
public class PresaleStore {

    private static final int CHUNK = 1_000;

    /** KEYS: ps:cfg, ps:codes, the new codes, event cfg. ARGV: starts ms, ends ms, rate, max uses, code count. */
    private static final RedisScript<Long> SWAP_IN = new DefaultRedisScript<>("""
            redis.call('HSET', KEYS[1], 'on_sale_at', ARGV[1], 'prequeue_opens_at', '0', 'rate', ARGV[3],
              'base_rate', ARGV[3], 'ends_at', ARGV[2], 'max_uses', ARGV[4], 'code_count', ARGV[5])
            redis.call('RENAME', KEYS[3], KEYS[2])
            redis.call('PERSIST', KEYS[2])
            redis.call('HSET', KEYS[4], 'presale_starts_at', ARGV[1], 'presale_ends_at', ARGV[2])
            return 1
            """, Long.class);

    private final StringRedisTemplate redis;

    public PresaleStore(StringRedisTemplate redis) {
        this.redis = redis;
    }

    /** Puts a presale in force with these code hashes (each with {@code maxUses} uses); earlier codes stop working. */
    public void configure(long eventId, Instant startsAt, Instant endsAt, int ratePerMinute, int maxUses, List<String> hashes) {
        String staging = QueueKeys.presaleCodes(eventId) + ":new:" + UUID.randomUUID();
        String uses = Integer.toString(maxUses);
        for (int from = 0; from < hashes.size(); from += CHUNK) {
            Map<String, String> chunk = new HashMap<>();
            for (String hash : hashes.subList(from, Math.min(hashes.size(), from + CHUNK))) {
                chunk.put(hash, uses);
            }
            redis.opsForHash().putAll(staging, chunk);
            if (from == 0) {
                redis.expire(staging, Duration.ofMinutes(10)); // a PUT that dies half-way leaves nothing behind
            }
        }
        redis.execute(SWAP_IN, List.of(QueueKeys.presaleConfig(eventId), QueueKeys.presaleCodes(eventId), staging,
                        QueueKeys.config(eventId)),
                Long.toString(startsAt.toEpochMilli()), Long.toString(endsAt.toEpochMilli()),
                Integer.toString(ratePerMinute), uses, Integer.toString(hashes.size()));
    }

    /** The presale of an event, if it has one. */
    public Optional<Presale> find(long eventId) {
        List<Object> v = redis.opsForHash().multiGet(QueueKeys.presaleConfig(eventId),
                List.of("on_sale_at", "ends_at", "base_rate", "max_uses", "code_count", "codes_used"));
        if (v.get(0) == null || v.get(1) == null) {
            return Optional.empty();
        }
        return Optional.of(new Presale(eventId, Instant.ofEpochMilli(Long.parseLong(v.get(0).toString())),
                Instant.ofEpochMilli(Long.parseLong(v.get(1).toString())), Integer.parseInt(v.get(2).toString()),
                Integer.parseInt(v.get(3).toString()), Integer.parseInt(v.get(4).toString()),
                v.get(5) == null ? 0 : Long.parseLong(v.get(5).toString())));
    }

    /**
     * A presale as stored.
     *
     * @param codesUsed places taken with a code (each counted one use)
     */
    public record Presale(long eventId, Instant startsAt, Instant endsAt, int admissionRatePerMinute,
            int maxUsesPerCode, int codeCount, long codesUsed) {
    }
}
