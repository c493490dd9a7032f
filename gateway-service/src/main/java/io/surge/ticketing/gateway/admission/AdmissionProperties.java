package io.surge.ticketing.gateway.admission;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param secret         the HMAC key shared with the waiting room, booking and payment (from the environment only)
 * @param previousSecret the key being rotated out, still accepted (blank outside a rotation)
 */
@ConfigurationProperties("ticketing.admission")
record AdmissionProperties(String secret, String previousSecret) {
}
