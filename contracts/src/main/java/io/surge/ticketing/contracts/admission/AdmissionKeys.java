package io.surge.ticketing.contracts.admission;

import java.time.Clock;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The admission-token keys, under one name for every service that signs or checks tokens (waiting room signs;
 * gateway, booking and payment verify): {@code ticketing.admission.secret} ({@code TICKETING_ADMISSION_SECRET}) and,
 * during a rotation, {@code ticketing.admission.previous-secret} ({@code TICKETING_ADMISSION_PREVIOUS_SECRET}).
 * A service binds it with {@code @EnableConfigurationProperties(AdmissionKeys.class)}.
 *
 * @param secret         the HMAC key (at least 32 bytes, from the environment only)
 * @param previousSecret the key being rotated out, still accepted (blank outside a rotation)
 */
@ConfigurationProperties("ticketing.admission")
public record AdmissionKeys(String secret, String previousSecret) {

    /** Signs with {@link #secret}; verifies with it and, during a rotation, {@link #previousSecret}. */
    public AdmissionTokenCodec codec(Clock clock) {
        return AdmissionTokenCodec.fromSecrets(secret, previousSecret, clock);
    }
}
