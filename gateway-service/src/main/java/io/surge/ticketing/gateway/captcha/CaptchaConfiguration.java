package io.surge.ticketing.gateway.captcha;

import java.util.Arrays;

import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.web.reactive.function.client.WebClient;

import reactor.core.publisher.Mono;

@Configuration(proxyBeanMethods = false)
class CaptchaConfiguration {

    /**
     * The provider's siteverify check when {@code ticketing.gateway.captcha.verify-url} is set. Otherwise the stand-in: any
     * non-blank token except the literal {@code invalid} passes, so the required mode can be exercised without a
     * third party. Under the {@code prod} profile a required CAPTCHA without a provider refuses to start, unless
     * {@code ticketing.gateway.captcha.insecure-stand-in-accepts-any-token-in-prod} says, loudly, that this is wanted.
     */
    @Bean
    @ConditionalOnMissingBean(CaptchaVerifier.class)
    CaptchaVerifier captchaVerifier(CaptchaProperties properties, Environment environment) {
        if (properties.hasProvider()) {
            return new SiteVerifyCaptchaVerifier(WebClient.create(), properties.verifyUrl(), properties.secret(),
                    properties.timeout());
        }
        if (properties.required()) {
            boolean prod = Arrays.asList(environment.getActiveProfiles()).contains("prod");
            if (prod && !properties.insecureStandInAcceptsAnyTokenInProd()) {
                throw new IllegalStateException("the CAPTCHA is required under the prod profile but no provider is"
                        + " configured: set ticketing.gateway.captcha.verify-url and secret (TICKETING_CAPTCHA_VERIFY_URL,"
                        + " TICKETING_CAPTCHA_SECRET), or declare a CaptchaVerifier bean. The stand-in accepts any"
                        + " token; ticketing.gateway.captcha.insecure-stand-in-accepts-any-token-in-prod=true runs it anyway.");
            }
            LoggerFactory.getLogger(CaptchaConfiguration.class).warn(
                    "CAPTCHA is required but no provider is configured: the stand-in verifier only checks that a"
                            + " token is present. Set ticketing.gateway.captcha.verify-url and secret for a real provider.");
        }
        return (token, clientIp) -> Mono.just(token != null && !token.isBlank() && !"invalid".equals(token));
    }
}
