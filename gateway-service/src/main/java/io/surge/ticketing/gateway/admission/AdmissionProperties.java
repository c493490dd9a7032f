package io.surge.ticketing.gateway.admission;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** @param secret the HMAC key shared with the waiting room and booking (from the environment only) */
@ConfigurationProperties("ticketing.admission")
record AdmissionProperties(String secret) {
}
