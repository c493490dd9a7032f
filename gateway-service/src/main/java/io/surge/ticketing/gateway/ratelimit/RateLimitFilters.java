package io.surge.ticketing.gateway.ratelimit;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import io.micrometer.core.instrument.MeterRegistry;
import io.surge.ticketing.contracts.ErrorCode;
import io.surge.ticketing.gateway.web.ClientIpResolver;
import io.surge.ticketing.gateway.web.Problems;
import reactor.core.publisher.Mono;

/**
 * Two token buckets per request: the client IP's, checked before the JWT is even verified (a flood of garbage
 * tokens costs a map lookup, not an RSA verification), and the user's, checked once the JWT is known. Both are
 * decided in memory ({@link LocalBuckets}), the cluster-wide budget kept in Redis in batches ({@link GlobalBudget}).
 * Either one empty: 429 problem+json with {@code Retry-After}.
 */
@Configuration(proxyBeanMethods = false)
class RateLimitFilters {

    /** Before Spring Security (-100). */
    static final int IP_ORDER = -250;
    /** After identity headers (0). */
    static final int USER_ORDER = 10;

    @Bean
    WebFilter perIpRateLimit(RateLimitProperties properties, RateLimitGroups groups, LocalBuckets limiter,
            ClientIpResolver clientIp, MeterRegistry meters) {
        return new LimitFilter(IP_ORDER, "ip", properties, groups, limiter, meters,
                RateLimitProperties.Group::perIp, exchange -> Mono.just(clientIp.resolve(exchange.getRequest())));
    }

    @Bean
    WebFilter perUserRateLimit(RateLimitProperties properties, RateLimitGroups groups, LocalBuckets limiter,
            MeterRegistry meters) {
        return new LimitFilter(USER_ORDER, "user", properties, groups, limiter, meters,
                RateLimitProperties.Group::perUser, exchange -> exchange.getPrincipal()
                        .filter(JwtAuthenticationToken.class::isInstance)
                        .map(p -> ((JwtAuthenticationToken) p).getToken().getSubject()));
    }

    static final class LimitFilter implements WebFilter, Ordered {

        private final int order;
        private final String scope;
        private final RateLimitProperties properties;
        private final RateLimitGroups groups;
        private final LocalBuckets limiter;
        private final MeterRegistry meters;
        private final Function<RateLimitProperties.Group, RateLimitProperties.Bucket> bucketOf;
        private final Function<ServerWebExchange, Mono<String>> subjectOf;

        LimitFilter(int order, String scope, RateLimitProperties properties, RateLimitGroups groups,
                LocalBuckets limiter, MeterRegistry meters,
                Function<RateLimitProperties.Group, RateLimitProperties.Bucket> bucketOf,
                Function<ServerWebExchange, Mono<String>> subjectOf) {
            this.order = order;
            this.scope = scope;
            this.properties = properties;
            this.groups = groups;
            this.limiter = limiter;
            this.meters = meters;
            this.bucketOf = bucketOf;
            this.subjectOf = subjectOf;
        }

        @Override
        public int getOrder() {
            return order;
        }

        @Override
        public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
            if (!properties.enabled()) {
                return chain.filter(exchange);
            }
            RateLimitProperties.Group group = groups.find(exchange.getRequest().getPath().pathWithinApplication());
            RateLimitProperties.Bucket bucket = group == null ? null : bucketOf.apply(group);
            if (bucket == null) {
                return chain.filter(exchange);
            }
            // an empty subject (anonymous request, for the user bucket) is not limited here: the IP bucket is
            return subjectOf.apply(exchange)
                    .map(Optional::of)
                    .defaultIfEmpty(Optional.empty())
                    .flatMap(subject -> {
                        if (subject.isEmpty()) {
                            return chain.filter(exchange);
                        }
                        LocalBuckets.Decision decision =
                                limiter.take(group.name() + ":" + scope + ":" + subject.get(), bucket);
                        if (decision.allowed()) {
                            return chain.filter(exchange);
                        }
                        meters.counter("gateway.ratelimit.rejected", "scope", scope, "group", group.name()).increment();
                        exchange.getResponse().getHeaders().set("Retry-After", Long.toString(decision.retryAfterSeconds()));
                        return Problems.write(exchange, HttpStatus.TOO_MANY_REQUESTS, ErrorCode.RATE_LIMITED,
                                "too many requests; retry after " + decision.retryAfterSeconds() + " s",
                                Map.of("limit_scope", scope));
                    });
        }
    }
}
