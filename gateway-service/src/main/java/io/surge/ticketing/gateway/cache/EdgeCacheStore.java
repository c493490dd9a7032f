package io.surge.ticketing.gateway.cache;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;

/**
 * The kept answers, bounded by their total size, each dropped when its freshness runs out (the service's
 * {@code max-age} less the {@code Age} it already had, capped by {@code ticketing.gateway.edge.cache.max-ttl}).
 */
@Component
class EdgeCacheStore {

    private final Cache<Key, Entry> entries;
    private final ConcurrentHashMap<Key, CompletableFuture<Entry>> misses = new ConcurrentHashMap<>();
    private final Ticker ticker;
    private final long maxTtlNanos;

    @Autowired
    EdgeCacheStore(EdgeCacheProperties properties) {
        this(properties, Ticker.systemTicker());
    }

    EdgeCacheStore(EdgeCacheProperties properties, Ticker ticker) {
        this.ticker = ticker;
        this.maxTtlNanos = properties.maxTtl().toNanos();
        this.entries = Caffeine.newBuilder()
                .ticker(ticker)
                .maximumWeight(properties.maxSize().toBytes())
                .weigher((Key key, Entry entry) -> entry.body().length + 512)
                .expireAfter(Expiry.creating((Key key, Entry entry) -> Duration.ofNanos(entry.ttlNanos())))
                .build();
    }

    /** The misses being asked of the services right now, one per key, shared by both places the cache answers. */
    ConcurrentHashMap<Key, CompletableFuture<Entry>> misses() {
        return misses;
    }

    /** A fresh answer, or null. */
    Entry find(Key key) {
        Entry entry = entries.getIfPresent(key);
        return entry == null || entry.expiresAtNanos() - ticker.read() <= 0 ? null : entry;
    }

    /** Keeps an answer for its freshness period; returns it (also when it is already stale and so not kept). */
    Entry keep(Key key, List<Map.Entry<String, List<String>>> headers, String etag, byte[] body, long maxAgeSeconds,
            String originAge) {
        long age = parseAge(originAge);
        long ttl = Math.min(maxTtlNanos, Duration.ofSeconds(Math.max(0, maxAgeSeconds - age)).toNanos());
        long now = ticker.read();
        Entry entry = new Entry(headers, body, etag, now, ttl, age, ticker);
        if (ttl > 0) {
            entries.put(key, entry);
        }
        return entry;
    }

    private static long parseAge(String age) {
        if (age == null) {
            return 0;
        }
        try {
            return Math.max(0, Long.parseLong(age.trim()));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /**
     * What identifies an answer: the path and query as sent, and the representation asked for ({@code Accept}:
     * availability is JSON or raw bytes from one path).
     */
    record Key(String path, String query, String accept) {

        static Key of(ServerHttpRequest request) {
            return new Key(request.getPath().value(), Objects.toString(request.getURI().getRawQuery(), ""),
                    Objects.toString(request.getHeaders().getFirst(HttpHeaders.ACCEPT), ""));
        }
    }

    /** One kept answer. */
    record Entry(List<Map.Entry<String, List<String>>> headers, byte[] body, String etag, long storedAtNanos, long ttlNanos, long originAgeSeconds,
            Ticker ticker) {

        long expiresAtNanos() {
            return storedAtNanos + ttlNanos;
        }

        long ageSeconds() {
            return originAgeSeconds + (ticker.read() - storedAtNanos) / 1_000_000_000L;
        }
    }
}
