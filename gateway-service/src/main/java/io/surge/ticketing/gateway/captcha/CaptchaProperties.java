package io.surge.ticketing.gateway.captcha;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param required  whether joins must carry a solved challenge (false on the local stack, true in prod)
 * @param verifyUrl the provider's siteverify endpoint (hCaptcha {@code https://api.hcaptcha.com/siteverify},
 *                  Turnstile {@code https://challenges.cloudflare.com/turnstile/v0/siteverify}, reCAPTCHA
 *                  {@code https://www.google.com/recaptcha/api/siteverify}); blank = no provider
 * @param secret    the site's secret key at that provider
 * @param timeout   how long a verification may take before the join is refused (fail closed)
 * @param insecureStandInAcceptsAnyTokenInProd the only way to run the {@code prod} profile with a required CAPTCHA
 *                  and no provider: the stand-in then accepts any non-blank token, i.e. no bot protection at all
 */
@ConfigurationProperties("ticketing.gateway.captcha")
record CaptchaProperties(
        @DefaultValue("false") boolean required,
        String verifyUrl,
        String secret,
        @DefaultValue("2s") Duration timeout,
        @DefaultValue("false") boolean insecureStandInAcceptsAnyTokenInProd) {

    boolean hasProvider() {
        return verifyUrl != null && !verifyUrl.isBlank();
    }
}
