package io.surge.ticketing.waitingroom.settings;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.DefaultRedisScript;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

import io.surge.ticketing.contracts.messages.SaleSettingsChanged;
import io.surge.ticketing.waitingroom.WaitingRoomProperties;
import io.surge.ticketing.waitingroom.keys.QueueKeys;

/**
 * Per-event settings in one Redis hash ({@code wr:{E}:cfg}), read by the queue scripts directly (times in epoch
 * milliseconds). Learning an event from the catalog never overwrites what an admin set, except that a pre-queue
 * opening left at its default follows {@code on_sale_at} when the catalog moves the sale. The same hash holds the
 * event's lifecycle ({@code starts_at}, {@code published}, {@code cancelled}) and booking's availability
 * ({@code sold_out}, {@code avail_as_of}, {@code resumed_at}), which the queue scripts read on every call.
 */
@Component
public class SettingsStore {

    /**
     * KEYS: cfg, events. ARGV: 1 event id, 2 on_sale ms, 3 default pre-queue lead ms, 4 rate, 5 session, 6 hold,
     * 7 max tickets, 8 starts_at ms ('' unknown), 9 published (1|0), 10 cancelled (1|0), 11 only if new (1|0).
     * Cancelled and published are one-way: a late or redelivered older message never reopens a cancelled event nor
     * hides a published one (a DRAFT is only ever written for an event learned as new).
     */
    private static final RedisScript<Long> LEARN = new DefaultRedisScript<>("""
            local existed = redis.call('HEXISTS', KEYS[1], 'on_sale_at') == 1
            if existed and ARGV[11] == '1' then return 0 end
            local old = redis.call('HGET', KEYS[1], 'on_sale_at')
            redis.call('HSET', KEYS[1], 'on_sale_at', ARGV[2])
            redis.call('HSETNX', KEYS[1], 'rate', ARGV[4])
            redis.call('HSETNX', KEYS[1], 'base_rate', ARGV[4])
            redis.call('HSETNX', KEYS[1], 'session', ARGV[5])
            redis.call('HSETNX', KEYS[1], 'hold', ARGV[6])
            redis.call('HSETNX', KEYS[1], 'max_tickets', ARGV[7])
            local on_sale = tonumber(ARGV[2])
            if redis.call('HGET', KEYS[1], 'prequeue_custom') == '1' then
              if tonumber(redis.call('HGET', KEYS[1], 'prequeue_opens_at')) > on_sale then
                redis.call('HSET', KEYS[1], 'prequeue_opens_at', ARGV[2])
              end
            else
              redis.call('HSET', KEYS[1], 'prequeue_opens_at', tostring(on_sale - tonumber(ARGV[3])))
            end
            if ARGV[8] ~= '' then redis.call('HSET', KEYS[1], 'starts_at', ARGV[8]) end
            if ARGV[9] == '1' then
              redis.call('HSET', KEYS[1], 'published', '1')
            elseif not existed then
              redis.call('HSET', KEYS[1], 'published', '0')
            end
            if ARGV[10] == '1' then redis.call('HSET', KEYS[1], 'cancelled', '1') end
            redis.call('SADD', KEYS[2], ARGV[1])
            if (not existed) or old ~= ARGV[2] then return 1 end
            return 0
            """, Long.class);

    /**
     * KEYS: cfg, events. ARGV: 1 event id, 2 on_sale, 3 prequeue, 4 rate, 5 session, 6 hold, 7 max tickets,
     * 8 starts_at ('' unknown), 9 published (1|0|'' unknown), 10 cancelled (1|0); only when the settings are gone.
     */
    private static final RedisScript<Long> RESTORE = new DefaultRedisScript<>("""
            if redis.call('HEXISTS', KEYS[1], 'on_sale_at') == 1 then return 0 end
            redis.call('HSET', KEYS[1], 'on_sale_at', ARGV[2], 'prequeue_opens_at', ARGV[3], 'prequeue_custom', '1',
              'rate', ARGV[4], 'base_rate', ARGV[4], 'session', ARGV[5], 'hold', ARGV[6], 'max_tickets', ARGV[7])
            if ARGV[8] ~= '' then redis.call('HSET', KEYS[1], 'starts_at', ARGV[8]) end
            if ARGV[9] ~= '' then redis.call('HSET', KEYS[1], 'published', ARGV[9]) end
            if ARGV[10] == '1' then redis.call('HSET', KEYS[1], 'cancelled', '1') end
            redis.call('SADD', KEYS[2], ARGV[1])
            return 1
            """, Long.class);

    /** Present while Redis holds the waiting room's data; gone after Redis lost it, until it is restored. */
    public static final String SENTINEL = "wr:sentinel";

    private final StringRedisTemplate redis;
    private final WaitingRoomProperties.Defaults defaults;

    public SettingsStore(StringRedisTemplate redis, WaitingRoomProperties properties) {
        this.redis = redis;
        this.defaults = properties.defaults();
    }

    public Optional<SaleSettings> find(long eventId) {
        List<Object> values = redis.opsForHash().multiGet(QueueKeys.config(eventId),
                List.of("on_sale_at", "prequeue_opens_at", "base_rate", "session", "hold", "max_tickets", "rate",
                        "presale_starts_at", "presale_ends_at"));
        if (values.get(0) == null) {
            return Optional.empty();
        }
        return Optional.of(new SaleSettings(eventId,
                Instant.ofEpochMilli(Long.parseLong(values.get(0).toString())),
                Instant.ofEpochMilli(Long.parseLong(values.get(1).toString())),
                Integer.parseInt((values.get(2) != null ? values.get(2) : values.get(6)).toString()),
                Integer.parseInt(values.get(3).toString()),
                Integer.parseInt(values.get(4).toString()),
                Integer.parseInt(values.get(5).toString()),
                instantOrNull(values.get(7)), instantOrNull(values.get(8))));
    }

    /** Learns a published event on sale from {@code onSaleAt}. @see #learn(long, EventLifecycle) */
    public boolean learn(long eventId, Instant onSaleAt) {
        return learn(eventId, EventLifecycle.onSale(onSaleAt));
    }

    /**
     * Learns (or updates) an event from the catalog: its sale start, show start, draft and cancelled flags; a new
     * event gets the default settings. @return true when the event is new or its sale moved (the settings must be
     * published again)
     */
    public boolean learn(long eventId, EventLifecycle lifecycle) {
        return runLearn(eventId, lifecycle, false);
    }

    /**
     * Learns an event only if the waiting room does not know it yet (what the catalog answered on a lookup must not
     * overwrite a newer definition that arrived through Kafka meanwhile). @return true when it was new
     */
    public boolean learnIfNew(long eventId, EventLifecycle lifecycle) {
        return runLearn(eventId, lifecycle, true);
    }

    private boolean runLearn(long eventId, EventLifecycle lifecycle, boolean onlyIfNew) {
        Long changed = redis.execute(LEARN, List.of(QueueKeys.config(eventId), QueueKeys.EVENTS),
                Long.toString(eventId), Long.toString(lifecycle.onSaleAt().toEpochMilli()),
                Long.toString(defaults.prequeueBeforeSale().toMillis()),
                Integer.toString(defaults.admissionRatePerMinute()), Integer.toString(defaults.admittedSessionSeconds()),
                Integer.toString(defaults.holdSeconds()), Integer.toString(defaults.maxTicketsPerUser()),
                millisOrEmpty(lifecycle.startsAt()), flag(lifecycle.published()), flag(lifecycle.cancelled()),
                flag(onlyIfNew));
        return changed != null && changed == 1L;
    }

    /** Whether the waiting room knows the event at all (a DRAFT included). */
    public boolean knows(long eventId) {
        return redis.opsForHash().hasKey(QueueKeys.config(eventId), "on_sale_at");
    }

    /** Whether Redis lost the waiting room's data and the settings are not restored yet (an unknown event may exist). */
    public boolean recovering() {
        return !Boolean.TRUE.equals(redis.hasKey(SENTINEL));
    }

    /**
     * Puts back the settings of an event whose configuration Redis lost (from the last published settings); an
     * event Redis still knows is left alone. @return true when restored
     */
    public boolean restore(SaleSettingsChanged settings) {
        return restore(settings, null);
    }

    /**
     * The same, with the event's lifecycle as the catalog last defined it (null when unknown: then the event counts
     * as published and not cancelled, as an event learned before the lifecycle existed).
     */
    public boolean restore(SaleSettingsChanged settings, EventLifecycle lifecycle) {
        Long restored = redis.execute(RESTORE, List.of(QueueKeys.config(settings.eventId()), QueueKeys.EVENTS),
                Long.toString(settings.eventId()), Long.toString(settings.onSaleAt().toEpochMilli()),
                Long.toString(settings.prequeueOpensAt().toEpochMilli()),
                Integer.toString(settings.admissionRatePerMinute()), Integer.toString(settings.admittedSessionSeconds()),
                Integer.toString(settings.holdSeconds()), Integer.toString(settings.maxTicketsPerUser()),
                lifecycle == null ? "" : millisOrEmpty(lifecycle.startsAt()),
                lifecycle == null ? "" : flag(lifecycle.published()),
                lifecycle == null ? "0" : flag(lifecycle.cancelled()));
        return restored != null && restored == 1L;
    }

    /** Applies a pacing factor to the configured rate of an event (at least one admission per minute). */
    public void pace(long eventId, double factor) {
        Object base = redis.opsForHash().get(QueueKeys.config(eventId), "base_rate");
        if (base != null) {
            long effective = Math.max(1, Math.round(Integer.parseInt(base.toString()) * factor));
            redis.opsForHash().put(QueueKeys.config(eventId), "rate", Long.toString(effective));
        }
    }

    void update(long eventId, SettingsRequest request) {
        Map<String, String> fields = new HashMap<>();
        if (request.prequeueOpensAt() != null) {
            fields.put("prequeue_opens_at", Long.toString(request.prequeueOpensAt().toEpochMilli()));
            fields.put("prequeue_custom", "1");
        }
        if (request.admissionRatePerMinute() != null) {
            // the configured rate; the effective one (read by the queue scripts) follows it unless adaptive pacing
            // has slowed admission, in which case the next pacing round applies the new base
            fields.put("base_rate", request.admissionRatePerMinute().toString());
            fields.put("rate", request.admissionRatePerMinute().toString());
        }
        if (request.admittedSessionSeconds() != null) {
            fields.put("session", request.admittedSessionSeconds().toString());
        }
        if (request.holdSeconds() != null) {
            fields.put("hold", request.holdSeconds().toString());
        }
        if (request.maxTicketsPerUser() != null) {
            fields.put("max_tickets", request.maxTicketsPerUser().toString());
        }
        if (!fields.isEmpty()) {
            redis.opsForHash().putAll(QueueKeys.config(eventId), fields);
        }
    }

    private static Instant instantOrNull(Object millis) {
        return millis == null ? null : Instant.ofEpochMilli(Long.parseLong(millis.toString()));
    }

    private static String millisOrEmpty(Instant instant) {
        return instant == null ? "" : Long.toString(instant.toEpochMilli());
    }

    private static String flag(boolean value) {
        return value ? "1" : "0";
    }
}
