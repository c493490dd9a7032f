package io.surge.ticketing.gateway.captcha;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.client.WebClient;

import com.fasterxml.jackson.annotation.JsonProperty;

import reactor.core.publisher.Mono;

/**
 * A CAPTCHA provider's server-side check, the protocol hCaptcha, Cloudflare Turnstile and reCAPTCHA share: POST the
 * form {@code secret}, {@code response} (the client's token) and {@code remoteip} to the provider's siteverify URL,
 * which answers {@code {"success": true|false, ...}}. A provider that fails or is slow refuses the join (fail closed:
 * a bot farm must not get in because the provider is down); the fan may retry.
 */
final class SiteVerifyCaptchaVerifier implements CaptchaVerifier {

    private static final Logger log = LoggerFactory.getLogger(SiteVerifyCaptchaVerifier.class);
    private static final int MAX_TOKEN_LENGTH = 4096;

    private final WebClient http;
    private final String verifyUrl;
    private final String secret;
    private final Duration timeout;

    SiteVerifyCaptchaVerifier(WebClient http, String verifyUrl, String secret, Duration timeout) {
        if (secret == null || secret.isBlank()) {
            throw new IllegalStateException("ticketing.gateway.captcha.secret (TICKETING_CAPTCHA_SECRET) is required with verify-url");
        }
        this.http = http;
        this.verifyUrl = verifyUrl;
        this.secret = secret;
        this.timeout = timeout;
    }

    @Override
    public Mono<Boolean> verify(String token, String clientIp) {
        if (token == null || token.isBlank() || token.length() > MAX_TOKEN_LENGTH) {
            return Mono.just(false);
        }
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("secret", secret);
        form.add("response", token);
        if (clientIp != null) {
            form.add("remoteip", clientIp);
        }
        return http.post().uri(verifyUrl)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData(form))
                .retrieve()
                .bodyToMono(Answer.class)
                .timeout(timeout)
                .map(Answer::success)
                .onErrorResume(e -> {
                    log.warn("CAPTCHA provider at {} failed, the join is refused: {}", verifyUrl, e.toString());
                    return Mono.just(false);
                });
    }

    record Answer(@JsonProperty("success") boolean success) {
    }
}
