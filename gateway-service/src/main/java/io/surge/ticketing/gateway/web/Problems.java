package io.surge.ticketing.gateway.web;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectMapper;

import io.surge.ticketing.contracts.ErrorCode;
import reactor.core.publisher.Mono;

/**
 * Writes RFC 9457 problem+json with the platform's stable {@code code} member straight onto a reactive
 * response. The gateway answers most refusals itself (401, 403, 413, 429, 503, 504), before any service
 * is involved, so it cannot rely on the servlet-side handler of platform-support.
 */
public final class Problems {

    private static final String TYPE_BASE = "https://ticketing.surge.io/problems/";
    private static final ObjectMapper JSON = new ObjectMapper();

    private Problems() {
    }

    public static Map<String, Object> body(HttpStatusCode status, ErrorCode code, String detail, String instance) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", URI.create(TYPE_BASE + code.name().toLowerCase(Locale.ROOT).replace('_', '-')).toString());
        body.put("title", titleOf(status));
        body.put("status", status.value());
        body.put("detail", detail);
        if (instance != null) {
            body.put("instance", instance);
        }
        body.put("code", code.name());
        return body;
    }

    /** Writes the problem unless the response is already on its way (then there is nothing left to say). */
    public static Mono<Void> write(ServerWebExchange exchange, HttpStatusCode status, ErrorCode code, String detail) {
        return write(exchange, status, code, detail, Map.of());
    }

    public static Mono<Void> write(ServerWebExchange exchange, HttpStatusCode status, ErrorCode code, String detail,
            Map<String, Object> extra) {
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted()) {
            return Mono.empty();
        }
        Map<String, Object> body = body(status, code, detail, exchange.getRequest().getPath().value());
        body.putAll(extra);
        byte[] bytes;
        try {
            bytes = JSON.writeValueAsBytes(body);
        } catch (JacksonException e) {
            bytes = ("{\"status\":" + status.value() + ",\"code\":\"" + code.name() + "\"}").getBytes(StandardCharsets.UTF_8);
        }
        response.setStatusCode(status);
        HttpHeaders headers = response.getHeaders();
        headers.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        headers.setContentLength(bytes.length);
        headers.setCacheControl("no-store");
        return response.writeWith(Mono.just(response.bufferFactory().wrap(bytes)));
    }

    /** The closest stable code for a bare HTTP status (framework errors carry no code of their own). */
    public static ErrorCode codeFor(HttpStatusCode status) {
        return ErrorCode.forStatus(status.value());
    }

    private static String titleOf(HttpStatusCode status) {
        org.springframework.http.HttpStatus known = org.springframework.http.HttpStatus.resolve(status.value());
        return known != null ? known.getReasonPhrase() : "HTTP " + status.value();
    }
}
