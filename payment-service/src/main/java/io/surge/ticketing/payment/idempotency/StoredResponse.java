package io.surge.ticketing.payment.idempotency;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** A final answer exactly as it is stored for an idempotency key and replayed byte for byte. */
public record StoredResponse(int status, String contentType, String body) {

    /** 5xx answers are never stored: a retry with the same key may still succeed. */
    public boolean storable() {
        return status < 500;
    }

    public ResponseEntity<String> toEntity() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.parseMediaType(contentType));
        return ResponseEntity.status(status).headers(headers).body(body);
    }
}
