package io.surge.ticketing.gateway.captcha;

import reactor.core.publisher.Mono;

/**
 * The port a CAPTCHA provider (hCaptcha, reCAPTCHA, Turnstile...) plugs into: declare a bean of this type and it
 * replaces the local verifier. Called on waiting-room joins only, the one place a bot farm gains by volume.
 */
public interface CaptchaVerifier {

    /**
     * @param token    what the client sent in {@code X-Captcha-Token} (may be null)
     * @param clientIp the client address, which most providers want for their own scoring
     * @return whether the challenge was solved
     */
    Mono<Boolean> verify(String token, String clientIp);
}
