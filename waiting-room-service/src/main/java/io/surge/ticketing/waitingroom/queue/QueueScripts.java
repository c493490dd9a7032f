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

import io.surge.ticketing.waitingroom.keys.QueueKeys;
import io.surge.ticketing.waitingroom.keys.QueueKeys.Line;

/**
 * The waiting room's Lua scripts (each is {@code common.lua} + its own body, run by EVALSHA). Everything a join,
 * a poll or a sweep does happens inside one script, so it is atomic across replicas without locks.
 */
@Component
class QueueScripts {

    @SuppressWarnings("rawtypes")
    private final RedisScript<List> enter = script("enter.lua");
    @SuppressWarnings("rawtypes")
    private final RedisScript<List> presaleJoin = script("presale_claim.lua", "enter.lua");
    @SuppressWarnings("rawtypes")
    private final RedisScript<List> sweep = script("sweep.lua");
    @SuppressWarnings("rawtypes")
    private final RedisScript<List> progress = script("progress.lua");
    private final RedisScript<Long> endSession = new DefaultRedisScript<>(source("end_session.lua"), Long.class);
    @SuppressWarnings("rawtypes")
    private final RedisScript<List> counts = new DefaultRedisScript<>(source("counts.lua"), List.class);
    private final RedisScript<String> storeToken = new DefaultRedisScript<>(source("store_token.lua"), String.class);

    private final StringRedisTemplate redis;

    QueueScripts(StringRedisTemplate redis) {
        this.redis = redis;
    }

    EnterResult enter(long eventId, String mode, String userId, long randomKey) {
        return enter(eventId, Line.GENERAL, mode, userId, randomKey);
    }

    EnterResult enter(long eventId, Line line, String mode, String userId, long randomKey) {
        return enterResult(run(enter, eventId, line, mode, userId, Long.toString(randomKey)));
    }

    /** Joins the presale line with a code: a use of the code is counted only when the fan takes a new place. */
    EnterResult presaleJoin(long eventId, String userId, long randomKey, String codeHash) {
        return enterResult(run(presaleJoin, eventId, Line.PRESALE, "join", userId, Long.toString(randomKey), codeHash));
    }

    private static EnterResult enterResult(List<?> r) {
        return new EnterResult(
                ((Number) r.get(0)).intValue(),
                ((Number) r.get(1)).longValue(),
                ((Number) r.get(2)).longValue(),
                ((Number) r.get(3)).intValue(),
                ((Number) r.get(4)).longValue(),
                ((Number) r.get(5)).intValue() == 1,
                r.size() > 6 && r.get(6) != null ? r.get(6).toString() : null,
                r.size() > 7 && ((Number) r.get(7)).intValue() == 1,
                r.size() > 8 && ((Number) r.get(8)).intValue() == 1);
    }

    SweepResult sweep(long eventId, long claimGraceMillis, int batch) {
        return sweep(eventId, Line.GENERAL, claimGraceMillis, batch);
    }

    SweepResult sweep(long eventId, Line line, long claimGraceMillis, int batch) {
        List<?> r = run(sweep, eventId, line, Long.toString(claimGraceMillis), Integer.toString(batch));
        return new SweepResult(((Number) r.get(0)).longValue(), ((Number) r.get(1)).longValue());
    }

    ProgressResult progress(long eventId) {
        List<?> r = run(progress, eventId, Line.GENERAL);
        return new ProgressResult(((Number) r.get(0)).intValue(), ((Number) r.get(1)).longValue(),
                ((Number) r.get(2)).intValue(), ((Number) r.get(3)).longValue());
    }

    boolean endSession(long eventId, Line line, String userId, String expiredToken) {
        Long ended = redis.execute(endSession, QueueKeys.keys(eventId, line), userId, expiredToken);
        return ended != null && ended == 1L;
    }

    /** The admission token a line issued to a user, if any. */
    String token(long eventId, Line line, String userId) {
        Object token = redis.opsForHash().get(QueueKeys.keys(eventId, line).get(8), userId);
        return token == null ? null : token.toString();
    }

    /** Stores the token unless another replica stored one first (counting the admission once); returns the winner. */
    String storeToken(long eventId, Line line, String userId, String token) {
        String stored = redis.execute(storeToken, QueueKeys.keys(eventId, line), userId, token);
        return stored == null ? token : stored;
    }

    /** The line's counts, or null for an event the waiting room does not know. */
    Counts counts(long eventId) {
        return counts(eventId, Line.GENERAL);
    }

    /** The counts of one line, or null for a line that does not exist. */
    Counts counts(long eventId, Line line) {
        List<?> r = run(counts, eventId, line);
        if (((Number) r.get(0)).intValue() == 0) {
            return null;
        }
        return new Counts(((Number) r.get(1)).longValue(), ((Number) r.get(2)).longValue());
    }

    @SuppressWarnings("rawtypes")
    private List<?> run(RedisScript<List> script, long eventId, Line line, String... args) {
        RedisSerializer<String> strings = RedisSerializer.string();
        List<?> result = redis.execute(script, strings, (RedisSerializer) strings, QueueKeys.keys(eventId, line),
                (Object[]) args);
        return result == null ? List.of() : new ArrayList<>(result);
    }

    @SuppressWarnings("rawtypes")
    private static RedisScript<List> script(String... names) {
        // common.lua first: the lifecycle, the availability and the serving counter every script reads
        StringBuilder text = new StringBuilder(source("common.lua"));
        for (String name : names) {
            text.append('\n').append(source(name));
        }
        return new DefaultRedisScript<>(text.toString(), List.class);
    }

    private static String source(String name) {
        try {
            return new ClassPathResource("scripts/" + name).getContentAsString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * What the enter script decided; see {@code enter.lua} for the outcome numbers.
     *
     * @param member  for a closed line only: whether the user had an entry in it
     * @param presale whether the event has a presale line (a fan's status asks that line too)
     */
    record EnterResult(int outcome, long number, long serving, int ratePerMinute, long nowMillis, boolean joined,
            String token, boolean member, boolean presale) {
    }

    /**
     * @param waiting  fans in line and not admitted yet
     * @param admitted admission tokens issued so far
     */
    record Counts(long waiting, long admitted) {
    }

    /** @param unclaimed numbers whose turn passed without their fan coming: their capacity went to the next ones */
    record SweepResult(long unclaimed, long depth) {
    }

    /** What the progress script saw; see {@code progress.lua} for the states. */
    record ProgressResult(int state, long serving, int ratePerMinute, long nowMillis) {
    }

}
