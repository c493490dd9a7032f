package io.surge.ticketing.gateway.shield;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import io.surge.ticketing.contracts.ErrorCode;
import io.surge.ticketing.gateway.web.EdgeProperties;
import io.surge.ticketing.gateway.web.EdgeRefusal;
import io.surge.ticketing.gateway.web.Problems;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Bodies above the configured size are refused with 413: at once when Content-Length says so, and while streaming
 * when the body is chunked (the count is kept as the bytes arrive, so a lying or absent length does not help).
 * <p>
 * A client that declared a long body and did not ask {@code Expect: 100-continue} is writing it whatever we answer;
 * closing on it mid-write would reset the connection and lose the 413. So its body (up to {@link #MAX_DRAIN} bytes,
 * for at most {@link #DRAIN_TIME}) is read and dropped first, then the problem is answered and the connection
 * closed. Beyond those bounds the answer goes out at once.
 */
@Component
class BodySizeLimitFilter implements WebFilter, Ordered {

    static final long MAX_DRAIN = 8L * 1024 * 1024;
    static final Duration DRAIN_TIME = Duration.ofSeconds(5);

    private final long maxBytes;

    BodySizeLimitFilter(EdgeProperties properties) {
        this.maxBytes = properties.maxBodySize().toBytes();
    }

    @Override
    public int getOrder() {
        return -290;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        long declared = request.getHeaders().getContentLength();
        if (declared > maxBytes) {
            exchange.getResponse().getHeaders().set(HttpHeaders.CONNECTION, "close");
            Mono<Void> refusal = Problems.write(exchange, HttpStatus.PAYLOAD_TOO_LARGE, ErrorCode.PAYLOAD_TOO_LARGE,
                    "request body is larger than " + maxBytes + " bytes");
            boolean expectsContinue = "100-continue".equalsIgnoreCase(request.getHeaders().getFirst(HttpHeaders.EXPECT));
            if (expectsContinue || declared > MAX_DRAIN) {
                return refusal;
            }
            return request.getBody()
                    .doOnNext(DataBufferUtils::release)
                    .then()
                    .timeout(DRAIN_TIME, Mono.empty())
                    .onErrorResume(e -> Mono.empty())
                    .then(refusal);
        }
        if (declared == 0 || declared < 0 && !request.getHeaders().containsHeader("Transfer-Encoding")) {
            return chain.filter(exchange);
        }
        ServerHttpRequest counted = new ServerHttpRequestDecorator(request) {
            @Override
            public Flux<DataBuffer> getBody() {
                AtomicLong seen = new AtomicLong();
                return super.getBody().handle((buffer, sink) -> {
                    if (seen.addAndGet(buffer.readableByteCount()) > maxBytes) {
                        DataBufferUtils.release(buffer);
                        sink.error(new EdgeRefusal(HttpStatus.PAYLOAD_TOO_LARGE, ErrorCode.PAYLOAD_TOO_LARGE,
                                "request body is larger than " + maxBytes + " bytes"));
                    } else {
                        sink.next(buffer);
                    }
                });
            }
        };
        return chain.filter(exchange.mutate().request(counted).build());
    }
}
