package io.surge.ticketing.gateway.captcha;

import org.springframework.core.Ordered;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

import io.micrometer.core.instrument.MeterRegistry;
import io.surge.ticketing.contracts.ErrorCode;
import io.surge.ticketing.gateway.web.ClientIpResolver;
import io.surge.ticketing.gateway.web.Problems;
import reactor.core.publisher.Mono;

/** Checks {@code X-Captcha-Token} on waiting-room joins when the deployment requires it: 403 otherwise. */
@Component
class CaptchaFilter implements WebFilter, Ordered {

    static final String HEADER = "X-Captcha-Token";
    private static final PathPattern JOIN = PathPatternParser.defaultInstance.parse("/api/v1/waiting-room/{id}/join");

    private final CaptchaProperties properties;
    private final CaptchaVerifier verifier;
    private final ClientIpResolver clientIp;
    private final MeterRegistry meters;

    CaptchaFilter(CaptchaProperties properties, CaptchaVerifier verifier, ClientIpResolver clientIp, MeterRegistry meters) {
        this.properties = properties;
        this.verifier = verifier;
        this.clientIp = clientIp;
        this.meters = meters;
    }

    @Override
    public int getOrder() {
        return 30;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (!properties.required() || !HttpMethod.POST.equals(exchange.getRequest().getMethod())
                || !JOIN.matches(exchange.getRequest().getPath().pathWithinApplication())) {
            return chain.filter(exchange);
        }
        String token = exchange.getRequest().getHeaders().getFirst(HEADER);
        return verifier.verify(token, clientIp.resolve(exchange.getRequest()))
                .defaultIfEmpty(false)
                .onErrorReturn(false)
                .flatMap(solved -> {
                    if (solved) {
                        return chain.filter(exchange);
                    }
                    meters.counter("gateway.captcha.rejected").increment();
                    return Problems.write(exchange, HttpStatus.FORBIDDEN, ErrorCode.FORBIDDEN,
                            "a solved CAPTCHA is required to join the waiting room (" + HEADER + ")");
                });
    }
}
