package io.surge.ticketing.gateway.cache;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;

import org.reactivestreams.Publisher;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Public answers kept at the edge for as long as their service says (RFC 9111 shared-cache rules), so a surge of
 * fans reading the same availability, seat map, event, search page or queue progress costs the services one request
 * per key and freshness period, not one per fan.
 * <ul>
 * <li>Only GETs of the configured public routes, and only answers that are {@code 200}, {@code Cache-Control: public}
 * with a positive {@code max-age} or {@code s-maxage}, without {@code private}, {@code no-store}, {@code no-cache} or
 * {@code Set-Cookie}, varying by nothing but {@code Accept} (part of the key): a per-user answer is never kept,
 * whatever route it comes from.</li>
 * <li>Concurrent misses of one key are coalesced: one request goes to the service, the others wait for its answer.</li>
 * <li>{@code If-None-Match} is answered here ({@code 304}); the service is always asked for the full answer.</li>
 * <li>{@code Age} says how old a kept answer is, so a CDN in front does not keep it past the service's freshness.</li>
 * </ul>
 * Runs after every edge protection that applies to the request, so a hit skips only the trip to the service: an
 * anonymous request (no {@code Authorization}) right after the deny lists, in-flight shedding, body limit and per-IP
 * bucket ({@link #ANONYMOUS_ORDER}; nothing else applies to it on a public route), a request with a token after JWT
 * verification, the per-user bucket, admission and CAPTCHA ({@link #AUTHENTICATED_ORDER}). Spring Cloud Gateway's own
 * response cache is not used (open advisories).
 */
class EdgeCacheFilter implements WebFilter, Ordered {

    /** After the per-IP bucket (-250), before Spring Security (-100). */
    static final int ANONYMOUS_ORDER = -200;
    /** After the CAPTCHA check (30). */
    static final int AUTHENTICATED_ORDER = 40;

    /** What a kept answer carries besides its body; everything else (trace ids, dates, cookies) is per request. */
    private static final Set<String> KEPT_HEADERS = Set.of(HttpHeaders.CONTENT_TYPE, HttpHeaders.CONTENT_ENCODING,
            HttpHeaders.CONTENT_LANGUAGE, HttpHeaders.CACHE_CONTROL, HttpHeaders.ETAG, HttpHeaders.LAST_MODIFIED,
            HttpHeaders.EXPIRES, HttpHeaders.VARY, "X-Seat-Count");

    private final EdgeCacheProperties properties;
    private final List<PathPattern> publicRoutes;
    private final EdgeCacheStore store;
    private final ConcurrentHashMap<EdgeCacheStore.Key, CompletableFuture<EdgeCacheStore.Entry>> misses;
    private final boolean anonymous;
    private final Counter hits;
    private final Counter missed;
    private final Counter coalesced;
    private final Counter passed;

    /** @param anonymous whether this one serves requests without a token (and only those), or only those with one */
    EdgeCacheFilter(boolean anonymous, EdgeCacheProperties properties, EdgeCacheStore store, MeterRegistry meters) {
        this.anonymous = anonymous;
        this.misses = store.misses();
        this.properties = properties;
        this.publicRoutes = properties.paths().stream().map(PathPatternParser.defaultInstance::parse).toList();
        this.store = store;
        this.hits = result(meters, "hit");
        this.missed = result(meters, "miss");
        this.coalesced = result(meters, "coalesced");
        this.passed = result(meters, "not_cacheable");
    }

    private static Counter result(MeterRegistry meters, String result) {
        return Counter.builder("gateway.cache.requests").tag("result", result)
                .description("public GETs by what the edge cache did with them").register(meters);
    }

    @Override
    public int getOrder() {
        return anonymous ? ANONYMOUS_ORDER : AUTHENTICATED_ORDER;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (!properties.enabled() || !HttpMethod.GET.equals(exchange.getRequest().getMethod())
                || anonymous == exchange.getRequest().getHeaders().containsHeader(HttpHeaders.AUTHORIZATION)
                || !isPublicRoute(exchange)) {
            return chain.filter(exchange);
        }
        EdgeCacheStore.Key key = EdgeCacheStore.Key.of(exchange.getRequest());
        EdgeCacheStore.Entry kept = store.find(key);
        if (kept != null) {
            hits.increment();
            return serve(exchange, kept);
        }
        CompletableFuture<EdgeCacheStore.Entry> mine = new CompletableFuture<>();
        CompletableFuture<EdgeCacheStore.Entry> running = misses.putIfAbsent(key, mine);
        if (running != null) {
            coalesced.increment();
            // the other request's answer, unless it was not cacheable or did not come in time: then ask the service
            return Mono.fromFuture(running, true)
                    .timeout(properties.missTimeout())
                    .map(Optional::of)
                    .defaultIfEmpty(Optional.empty())
                    .onErrorReturn(TimeoutException.class, Optional.empty())
                    .flatMap(entry -> entry.isPresent() ? serve(exchange, entry.get()) : chain.filter(exchange));
        }
        missed.increment();
        ServerWebExchange upstream = exchange.mutate()
                .request(request -> request.headers(headers -> {
                    // the service is asked for the whole answer; the client's condition is checked here
                    headers.remove(HttpHeaders.IF_NONE_MATCH);
                    headers.remove(HttpHeaders.IF_MODIFIED_SINCE);
                }))
                .response(new Capture(exchange, key, mine))
                .build();
        return chain.filter(upstream).doFinally(signal -> {
            misses.remove(key, mine);
            mine.complete(null);
        });
    }

    private boolean isPublicRoute(ServerWebExchange exchange) {
        for (PathPattern route : publicRoutes) {
            if (route.matches(exchange.getRequest().getPath().pathWithinApplication())) {
                return true;
            }
        }
        return false;
    }

    /** Answers from a kept entry: 304 when the client already has this version, the body otherwise. */
    private static Mono<Void> serve(ServerWebExchange exchange, EdgeCacheStore.Entry entry) {
        ServerHttpResponse response = exchange.getResponse();
        HttpHeaders headers = response.getHeaders();
        for (Map.Entry<String, List<String>> header : entry.headers()) {
            headers.put(header.getKey(), header.getValue());
        }
        headers.set(HttpHeaders.AGE, Long.toString(entry.ageSeconds()));
        if (notModified(exchange.getRequest().getHeaders().getFirst(HttpHeaders.IF_NONE_MATCH), entry.etag())) {
            response.setStatusCode(HttpStatus.NOT_MODIFIED);
            headers.remove(HttpHeaders.CONTENT_LENGTH);
            return response.setComplete();
        }
        response.setStatusCode(HttpStatus.OK);
        headers.setContentLength(entry.body().length);
        return response.writeWith(Mono.just(response.bufferFactory().wrap(entry.body())));
    }

    /** Whether the key (path, query, {@code Accept}) covers every request header the answer varies by. */
    static boolean variesOnlyByAccept(List<String> vary) {
        if (vary == null) {
            return true;
        }
        for (String value : vary) {
            for (String name : value.split(",")) {
                String header = name.trim();
                if (!header.isEmpty() && !header.equalsIgnoreCase(HttpHeaders.ACCEPT)) {
                    return false;
                }
            }
        }
        return true;
    }

    static boolean notModified(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null || etag == null) {
            return false;
        }
        for (String candidate : ifNoneMatch.split(",")) {
            String tag = candidate.trim();
            if (tag.equals("*") || tag.equals(etag) || tag.equals("W/" + etag)) {
                return true;
            }
        }
        return false;
    }

    /** The response of the one request that went to the service: kept if the service allows it, then served. */
    private final class Capture extends ServerHttpResponseDecorator {

        private final ServerWebExchange client;
        private final EdgeCacheStore.Key key;
        private final CompletableFuture<EdgeCacheStore.Entry> result;

        Capture(ServerWebExchange client, EdgeCacheStore.Key key, CompletableFuture<EdgeCacheStore.Entry> result) {
            super(client.getResponse());
            this.client = client;
            this.key = key;
            this.result = result;
        }

        @Override
        public Mono<Void> writeWith(Publisher<? extends DataBuffer> body) {
            HttpHeaders headers = getDelegate().getHeaders();
            CacheDirectives directives = CacheDirectives.parse(headers.getCacheControl());
            if (!HttpStatus.OK.equals(getDelegate().getStatusCode()) || !directives.sharedCacheable()
                    || headers.containsHeader(HttpHeaders.SET_COOKIE) || !variesOnlyByAccept(headers.get(HttpHeaders.VARY))) {
                passed.increment();
                result.complete(null);
                return super.writeWith(body);
            }
            return DataBufferUtils.join(Flux.from(body)).flatMap(joined -> {
                byte[] bytes = new byte[joined.readableByteCount()];
                joined.read(bytes);
                DataBufferUtils.release(joined);
                if (bytes.length > properties.maxBodySize().toBytes()) {
                    passed.increment();
                    result.complete(null);
                    return getDelegate().writeWith(Mono.just(bufferFactory().wrap(bytes)));
                }
                EdgeCacheStore.Entry entry = store.keep(key, keptHeaders(headers), headers.getETag(), bytes,
                        directives.maxAgeSeconds(), headers.getFirst(HttpHeaders.AGE));
                result.complete(entry);
                return serve(client, entry);
            });
        }

        @Override
        public Mono<Void> writeAndFlushWith(Publisher<? extends Publisher<? extends DataBuffer>> body) {
            // streamed answers are never kept
            result.complete(null);
            return super.writeAndFlushWith(body);
        }

        private List<Map.Entry<String, List<String>>> keptHeaders(HttpHeaders upstream) {
            List<Map.Entry<String, List<String>>> kept = new ArrayList<>();
            for (String name : KEPT_HEADERS) {
                List<String> values = upstream.get(name);
                if (values != null) {
                    kept.add(Map.entry(name, List.copyOf(values)));
                }
            }
            return List.copyOf(kept);
        }
    }
}
