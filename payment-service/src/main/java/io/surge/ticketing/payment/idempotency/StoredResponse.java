package io.surge.ticketing.payment.idempotency;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectMapper;

import io.surge.ticketing.contracts.ErrorCode;
import io.surge.ticketing.platform.web.ProblemCodes;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** A final answer exactly as it is stored for an idempotency key and replayed byte for byte. */
public record StoredResponse(int status, String contentType, String body) {

    /** 5xx answers are never stored: a retry with the same key may still succeed. */
    public boolean storable() {
        return status < 500;
    }

    /** A JSON answer, written once so that a replay is byte for byte the same. */
    public static StoredResponse json(ObjectMapper json, int status, Map<String, Object> body) {
        return new StoredResponse(status, MediaType.APPLICATION_JSON_VALUE, write(json, body));
    }

    /** A problem+json answer with its stable {@code code}; {@code instance} may be null. */
    public static StoredResponse problem(ObjectMapper json, HttpStatus status, ErrorCode code, String instance,
            String detail) {
        ProblemDetail problem = ProblemCodes.problem(status, code, detail);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", problem.getType().toString());
        body.put("title", problem.getTitle());
        body.put("status", status.value());
        body.put("detail", detail);
        if (instance != null) {
            body.put("instance", instance);
        }
        body.put("code", code.name());
        return new StoredResponse(status.value(), MediaType.APPLICATION_PROBLEM_JSON_VALUE, write(json, body));
    }

    private static String write(ObjectMapper json, Map<String, Object> body) {
        try {
            return json.writeValueAsString(body);
        } catch (JacksonException e) {
            throw new IllegalStateException(e);
        }
    }

    public ResponseEntity<String> toEntity() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.parseMediaType(contentType));
        return ResponseEntity.status(status).headers(headers).body(body);
    }
}
