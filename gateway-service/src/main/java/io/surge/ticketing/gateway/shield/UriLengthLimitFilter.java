package io.surge.ticketing.gateway.shield;

import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import io.surge.ticketing.contracts.ErrorCode;
import io.surge.ticketing.gateway.web.EdgeProperties;
import io.surge.ticketing.gateway.web.Problems;
import reactor.core.publisher.Mono;

/**
 * Paths and queries above {@code ticketing.gateway.edge.max-uri-length} are refused with a 414 problem before anything else
 * reads them. The web server accepts request lines well above that ({@code server.netty.max-initial-line-length}), so
 * that the refusal is this problem+json rather than the server's bare answer, and no service ever sees such a line.
 */
@Component
class UriLengthLimitFilter implements WebFilter, Ordered {

    private final int maxLength;

    UriLengthLimitFilter(EdgeProperties properties) {
        this.maxLength = properties.maxUriLength();
    }

    @Override
    public int getOrder() {
        return -295;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String rawPath = exchange.getRequest().getURI().getRawPath();
        String rawQuery = exchange.getRequest().getURI().getRawQuery();
        int length = (rawPath == null ? 0 : rawPath.length()) + (rawQuery == null ? 0 : rawQuery.length() + 1);
        if (length > maxLength) {
            return Problems.write(exchange, HttpStatus.URI_TOO_LONG, ErrorCode.URI_TOO_LONG,
                    "the request's path and query are longer than " + maxLength + " characters");
        }
        return chain.filter(exchange);
    }
}
