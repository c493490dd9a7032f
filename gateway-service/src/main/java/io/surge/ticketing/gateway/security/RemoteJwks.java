package io.surge.ticketing.gateway.security;

import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.reactive.function.client.WebClient;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The identity provider's key set, fetched once and again only when a token names a key we do not have, and then
 * at most once per {@code minInterval}: a flood of tokens with made-up {@code kid}s costs the provider one request
 * per interval, not one each (it would otherwise throttle or ban us, and key rotation would break for everyone).
 * Concurrent misses share one fetch.
 */
final class RemoteJwks implements Function<SignedJWT, Flux<JWK>> {

    private static final Logger log = LoggerFactory.getLogger(RemoteJwks.class);

    private final WebClient http;
    private final String uri;
    private final Duration minInterval;
    private final Clock clock;
    private final AtomicReference<JWKSet> keys = new AtomicReference<>();
    private final AtomicReference<Mono<JWKSet>> fetching = new AtomicReference<>();
    private volatile Instant lastFetch = Instant.MIN;

    RemoteJwks(WebClient http, String uri, Duration minInterval, Clock clock) {
        this.http = http;
        this.uri = uri;
        this.minInterval = minInterval;
        this.clock = clock;
    }

    @Override
    public Flux<JWK> apply(SignedJWT jwt) {
        JWKSelector selector = new JWKSelector(JWKMatcher.forJWSHeader(jwt.getHeader()));
        JWKSet known = keys.get();
        if (known != null) {
            List<JWK> found = selector.select(known);
            if (!found.isEmpty() || !mayFetch()) {
                return Flux.fromIterable(found);
            }
        }
        return fetch().flatMapIterable(selector::select);
    }

    private boolean mayFetch() {
        return !clock.instant().isBefore(lastFetch.plus(minInterval));
    }

    private Mono<JWKSet> fetch() {
        Mono<JWKSet> inFlight = fetching.get();
        if (inFlight != null) {
            return inFlight;
        }
        if (!mayFetch() && keys.get() != null) {
            return Mono.just(keys.get());
        }
        Mono<JWKSet> fetch = Mono.defer(() -> {
                    lastFetch = clock.instant();
                    return http.get().uri(uri).retrieve().bodyToMono(String.class);
                })
                .map(RemoteJwks::parse)
                .doOnNext(keys::set)
                .onErrorResume(e -> {
                    log.warn("could not fetch the identity provider's JWKS from {}: {}", uri, e.toString());
                    JWKSet stale = keys.get();
                    return stale == null ? Mono.error(e) : Mono.just(stale);
                })
                .doFinally(signal -> fetching.set(null))
                .cache();
        return fetching.compareAndSet(null, fetch) ? fetch : fetching.get() == null ? fetch : fetching.get();
    }

    private static JWKSet parse(String body) {
        try {
            return JWKSet.parse(body);
        } catch (ParseException e) {
            throw new IllegalStateException("the identity provider's JWKS is not a JWK set", e);
        }
    }
}
