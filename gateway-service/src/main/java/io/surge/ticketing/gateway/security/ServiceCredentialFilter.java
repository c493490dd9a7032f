package io.surge.ticketing.gateway.security;

import java.time.Clock;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

import io.surge.ticketing.contracts.web.Headers;
import io.surge.ticketing.contracts.web.ServiceCredential;
import reactor.core.publisher.Mono;

/**
 * Every request the gateway routes to a service carries the gateway's {@link ServiceCredential}, bound to the
 * identity headers {@link IdentityHeadersFilter} set: a service answers nobody else, and believes no identity it
 * did not get from us. Runs in the routing stage, after every edge filter, on the request as it leaves; whatever
 * credential a client sent is replaced.
 */
@Component
class ServiceCredentialFilter implements GlobalFilter, Ordered {

    static final String CALLER = "gateway-service";

    private final ServiceCredential credentials;
    private volatile Anonymous anonymous = new Anonymous(Long.MIN_VALUE, "");

    ServiceCredentialFilter(ServiceCredentialProperties properties) {
        this.credentials = new ServiceCredential(properties.secret(), Clock.systemUTC());
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        HttpHeaders sent = exchange.getRequest().getHeaders();
        String user = sent.getFirst(Headers.USER_ID);
        String roles = sent.getFirst(Headers.USER_ROLES);
        String credential = user == null && roles == null ? anonymousCredential() : credentials.issue(CALLER, user, roles);
        return chain.filter(exchange.mutate()
                .request(request -> request.headers(headers -> headers.set(ServiceCredential.HEADER, credential)))
                .build());
    }

    /** Anonymous calls share one credential per second: one MAC a second for all public reads. */
    private String anonymousCredential() {
        long second = System.currentTimeMillis() / 1000;
        Anonymous current = anonymous;
        if (current.second() != second) {
            current = new Anonymous(second, credentials.issue(CALLER, null, null));
            anonymous = current;
        }
        return current.credential();
    }

    private record Anonymous(long second, String credential) {
    }
}
