package io.surge.ticketing.gateway.security;

import java.util.List;
import java.util.Optional;

import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import io.surge.ticketing.contracts.web.Headers;
import io.surge.ticketing.contracts.web.UserRoles;
import reactor.core.publisher.Mono;

/**
 * Services trust {@code X-User-Id} / {@code X-User-Roles} only with the gateway's service credential
 * ({@link ServiceCredentialFilter}), so the gateway always removes whatever the client sent and, when the JWT was
 * verified, sets them from it.
 */
@Component
class IdentityHeadersFilter implements WebFilter, Ordered {

    /** Right after Spring Security (-100) has verified the token. */
    static final int ORDER = 0;

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        return exchange.getPrincipal()
                .filter(JwtAuthenticationToken.class::isInstance)
                .map(p -> Optional.of(((JwtAuthenticationToken) p).getToken()))
                .defaultIfEmpty(Optional.empty())
                .flatMap(jwt -> {
                    HttpHeaders sent = exchange.getRequest().getHeaders();
                    if (jwt.isEmpty() && !sent.containsHeader(Headers.USER_ID) && !sent.containsHeader(Headers.USER_ROLES)) {
                        return chain.filter(exchange); // anonymous, and nothing to strip: no copy of the request
                    }
                    return chain.filter(exchange.mutate()
                            .request(request -> request.headers(headers -> {
                                headers.remove(Headers.USER_ID);
                                headers.remove(Headers.USER_ROLES);
                                jwt.ifPresent(token -> {
                                    headers.set(Headers.USER_ID, token.getSubject());
                                    headers.set(Headers.USER_ROLES, UserRoles.toHeader(roles(token)));
                                });
                            }))
                            .build());
                });
    }

    /** The token's valid roles ({@link UserRoles}: "ops,admin" or "ADMIN" are not roles and are dropped). */
    static List<String> roles(Jwt token) {
        Object claim = token.getClaims().get("roles");
        return claim instanceof List<?> list
                ? UserRoles.fromClaim(list.stream().filter(String.class::isInstance).map(String.class::cast).toList())
                : List.of();
    }
}
