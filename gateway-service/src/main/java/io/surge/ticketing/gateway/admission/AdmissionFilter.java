package io.surge.ticketing.gateway.admission;

import java.time.Clock;
import java.util.Optional;

import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.PathContainer;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.MeterRegistry;
import io.surge.ticketing.contracts.ErrorCode;
import io.surge.ticketing.contracts.admission.AdmissionTokenCodec;
import io.surge.ticketing.contracts.web.Headers;
import io.surge.ticketing.gateway.web.EdgeProperties;
import io.surge.ticketing.gateway.web.Problems;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Nobody reaches the booking write API without the waiting room's admission token. A reservation names its
 * event in the JSON body, so the body is read (within the size limit), checked, and replayed to the route.
 * Releasing a hold needs a live token of the user; paying one a token of the user, expired or not (payment-service
 * decides by the hold's own expiry). Refunds, tickets and the rest of the booking API need none: they come after the
 * sale. Refusals are 403 problem+json with the precise code, counted in {@code gateway.admission.rejected}.
 */
@Component
class AdmissionFilter implements WebFilter, Ordered {

    private static final PathPattern RESERVE = PathPatternParser.defaultInstance.parse("/api/v1/bookings/reserve");
    private static final PathPattern BOOKING = PathPatternParser.defaultInstance.parse("/api/v1/bookings/{id}");
    private static final PathPattern PAYMENT = PathPatternParser.defaultInstance.parse("/api/v1/bookings/{id}/payment");

    private final AdmissionGuard guard;
    private final ObjectMapper json = new ObjectMapper();
    private final int maxBodyBytes;
    private final MeterRegistry meters;

    AdmissionFilter(AdmissionTokenCodec codec, EdgeProperties edge, MeterRegistry meters) {
        this.guard = new AdmissionGuard(codec, Clock.systemUTC());
        this.maxBodyBytes = (int) edge.maxBodySize().toBytes();
        this.meters = meters;
    }

    @Override
    public int getOrder() {
        return 20;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        PathContainer path = request.getPath().pathWithinApplication();
        HttpMethod method = request.getMethod();
        boolean reserve = HttpMethod.POST.equals(method) && RESERVE.matches(path);
        boolean release = !reserve && HttpMethod.DELETE.equals(method) && BOOKING.matches(path);
        boolean payment = !reserve && HttpMethod.POST.equals(method) && PAYMENT.matches(path);
        if (!reserve && !release && !payment) {
            return chain.filter(exchange);
        }
        String token = request.getHeaders().getFirst(Headers.ADMISSION_TOKEN);
        return exchange.getPrincipal()
                .filter(JwtAuthenticationToken.class::isInstance)
                .map(p -> Optional.of(((JwtAuthenticationToken) p).getToken().getSubject()))
                .defaultIfEmpty(Optional.empty())
                .flatMap(userId -> {
                    if (userId.isEmpty()) {
                        // unreachable while security requires a JWT on these routes; refuse rather than trust
                        return proceedOrRefuse(exchange, chain, exchange, ErrorCode.ADMISSION_REQUIRED);
                    }
                    if (reserve) {
                        return checkReservation(exchange, chain, token, userId.get());
                    }
                    return proceedOrRefuse(exchange, chain, exchange, payment
                            ? guard.checkForUserAnyExpiry(token, userId.get())
                            : guard.checkForUser(token, userId.get()));
                });
    }

    private Mono<Void> checkReservation(ServerWebExchange exchange, WebFilterChain chain, String token, String userId) {
        return DataBufferUtils.join(exchange.getRequest().getBody(), maxBodyBytes)
                .map(buffer -> {
                    byte[] bytes = new byte[buffer.readableByteCount()];
                    buffer.read(bytes);
                    DataBufferUtils.release(buffer);
                    return bytes;
                })
                .defaultIfEmpty(new byte[0])
                .flatMap(bytes -> {
                    Long eventId = eventIdOf(bytes);
                    if (eventId == null) {
                        return Problems.write(exchange, HttpStatus.BAD_REQUEST, ErrorCode.VALIDATION_FAILED,
                                "the body must be JSON with a numeric event_id");
                    }
                    return proceedOrRefuse(exchange, chain, replay(exchange, bytes),
                            guard.checkForEvent(token, userId, eventId));
                });
    }

    private Mono<Void> proceedOrRefuse(ServerWebExchange original, WebFilterChain chain, ServerWebExchange next,
            ErrorCode refusal) {
        if (refusal == null) {
            return chain.filter(next);
        }
        meters.counter("gateway.admission.rejected", "code", refusal.name()).increment();
        return Problems.write(original, HttpStatus.FORBIDDEN, refusal, AdmissionGuard.describe(refusal));
    }

    private Long eventIdOf(byte[] body) {
        if (body.length == 0) {
            return null;
        }
        try {
            JsonNode node = json.readTree(body);
            JsonNode eventId = node == null ? null : node.get("event_id");
            return eventId != null && eventId.isIntegralNumber() && eventId.canConvertToLong() ? eventId.asLong() : null;
        } catch (Exception e) {
            return null;
        }
    }

    /** The body was consumed to read event_id: hand the same bytes to the route. */
    private static ServerWebExchange replay(ServerWebExchange exchange, byte[] bytes) {
        HttpHeaders headers = new HttpHeaders();
        headers.putAll(exchange.getRequest().getHeaders());
        headers.remove(HttpHeaders.TRANSFER_ENCODING);
        headers.setContentLength(bytes.length);
        ServerHttpRequest request = new ServerHttpRequestDecorator(exchange.getRequest()) {
            @Override
            public HttpHeaders getHeaders() {
                return headers;
            }

            @Override
            public Flux<DataBuffer> getBody() {
                return Flux.defer(() -> Flux.just(exchange.getResponse().bufferFactory().wrap(bytes)));
            }
        };
        return exchange.mutate().request(request).build();
    }

}
