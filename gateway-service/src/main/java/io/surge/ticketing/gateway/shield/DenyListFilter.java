package io.surge.ticketing.gateway.shield;

import java.util.List;
import java.util.Locale;

import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import io.micrometer.core.instrument.MeterRegistry;
import io.surge.ticketing.contracts.ErrorCode;
import io.surge.ticketing.gateway.web.Cidr;
import io.surge.ticketing.gateway.web.ClientIpResolver;
import io.surge.ticketing.gateway.web.EdgeProperties;
import io.surge.ticketing.gateway.web.Problems;
import reactor.core.publisher.Mono;

/** Known-bad addresses and bot user agents are refused first, before they cost a Redis call or a JWT check. */
@Component
class DenyListFilter implements WebFilter, Ordered {

    private final List<Cidr> deniedIps;
    private final List<String> deniedAgents;
    private final ClientIpResolver clientIp;
    private final MeterRegistry meters;

    DenyListFilter(EdgeProperties properties, ClientIpResolver clientIp, MeterRegistry meters) {
        this.deniedIps = properties.denyIps().stream().map(Cidr::parse).toList();
        this.deniedAgents = properties.denyUserAgents().stream()
                .filter(a -> !a.isBlank()).map(a -> a.toLowerCase(Locale.ROOT)).toList();
        this.clientIp = clientIp;
        this.meters = meters;
    }

    @Override
    public int getOrder() {
        return -300;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (deniedIps.isEmpty() && deniedAgents.isEmpty()) {
            return chain.filter(exchange);
        }
        String reason = deniedReason(exchange);
        if (reason == null) {
            return chain.filter(exchange);
        }
        meters.counter("gateway.denied", "reason", reason).increment();
        return Problems.write(exchange, HttpStatus.FORBIDDEN, ErrorCode.FORBIDDEN, "this client is not allowed");
    }

    private String deniedReason(ServerWebExchange exchange) {
        if (!deniedIps.isEmpty()) {
            String ip = clientIp.resolve(exchange.getRequest());
            for (Cidr denied : deniedIps) {
                if (denied.matches(ip)) {
                    return "ip";
                }
            }
        }
        String agent = exchange.getRequest().getHeaders().getFirst(HttpHeaders.USER_AGENT);
        if (agent != null && !deniedAgents.isEmpty()) {
            String lower = agent.toLowerCase(Locale.ROOT);
            for (String denied : deniedAgents) {
                if (lower.contains(denied)) {
                    return "user_agent";
                }
            }
        }
        return null;
    }

}
