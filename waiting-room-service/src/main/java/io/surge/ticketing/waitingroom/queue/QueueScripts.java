package io.surge.ticketing.waitingroom.queue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.springframework.core.io.ClassPathResource;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.DefaultRedisScript;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.data.redis.serializer.RedisSerializer;
import org.springframework.stereotype.Component;

/**
 * The waiting room's Lua scripts (each is {@code common.lua} + its own body, run by EVALSHA). Everything a join,
 * a poll or a sweep does happens inside one script, so it is atomic across replicas without locks.
 */
@Component
class QueueScripts {

    @SuppressWarnings("rawtypes")
    private final RedisScript<List> enter = script("enter.lua");
    @SuppressWarnings("rawtypes")
    private final RedisScript<List> sweep = script("sweep.lua");
    @SuppressWarnings("rawtypes")
    private final RedisScript<List> progress = script("progress.lua");
    private final RedisScript<Long> endSession = new DefaultRedisScript<>(source("end_session.lua"), Long.class);

    private final StringRedisTemplate redis;

    QueueScripts(StringRedisTemplate redis) {
        this.redis = redis;
    }

    EnterResult enter(long eventId, String mode, String userId, long randomKey) {
        List<?> r = run(enter, eventId, mode, userId, Long.toString(randomKey));
        return new EnterResult(
                ((Number) r.get(0)).intValue(),
                ((Number) r.get(1)).longValue(),
                ((Number) r.get(2)).longValue(),
                ((Number) r.get(3)).intValue(),
                ((Number) r.get(4)).longValue(),
                ((Number) r.get(5)).intValue() == 1,
                r.size() > 6 && r.get(6) != null ? r.get(6).toString() : null);
    }

    SweepResult sweep(long eventId, long claimGraceMillis, int batch) {
        List<?> r = run(sweep, eventId, Long.toString(claimGraceMillis), Integer.toString(batch));
        return new SweepResult(((Number) r.get(0)).longValue(), ((Number) r.get(1)).longValue());
    }

    ProgressResult progress(long eventId) {
        List<?> r = run(progress, eventId);
        return new ProgressResult(((Number) r.get(0)).intValue(), ((Number) r.get(1)).longValue(),
                ((Number) r.get(2)).intValue(), ((Number) r.get(3)).longValue());
    }

    boolean endSession(long eventId, String userId, String expiredToken) {
        Long ended = redis.execute(endSession, QueueKeys.all(eventId), userId, expiredToken);
        return ended != null && ended == 1L;
    }

    /** Stores the token unless another replica stored one first; returns the one that won. */
    String storeToken(long eventId, String userId, String token) {
        String key = QueueKeys.all(eventId).get(8);
        Boolean stored = redis.opsForHash().putIfAbsent(key, userId, token);
        if (Boolean.TRUE.equals(stored)) {
            return token;
        }
        Object existing = redis.opsForHash().get(key, userId);
        return existing == null ? token : existing.toString();
    }

    @SuppressWarnings("rawtypes")
    private List<?> run(RedisScript<List> script, long eventId, String... args) {
        RedisSerializer<String> strings = RedisSerializer.string();
        List<?> result = redis.execute(script, strings, (RedisSerializer) strings, QueueKeys.all(eventId),
                (Object[]) args);
        return result == null ? List.of() : new ArrayList<>(result);
    }

    @SuppressWarnings("rawtypes")
    private static RedisScript<List> script(String name) {
        return new DefaultRedisScript<>(source("common.lua") + "\n" + source(name), List.class);
    }

    private static String source(String name) {
        try {
            return new ClassPathResource("scripts/" + name).getContentAsString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What the enter script decided; see {@code enter.lua} for the outcome numbers. */
    record EnterResult(int outcome, long number, long serving, int ratePerMinute, long nowMillis, boolean joined,
            String token) {
    }

    /** @param unclaimed numbers whose turn passed without their fan coming: their capacity went to the next ones */
    record SweepResult(long unclaimed, long depth) {
    }

    /** What the progress script saw; see {@code progress.lua} for the states. */
    record ProgressResult(int state, long serving, int ratePerMinute, long nowMillis) {
    }

}
