package io.surge.ticketing.gateway.captcha;

import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import reactor.core.publisher.Mono;

@Configuration(proxyBeanMethods = false)
class CaptchaConfiguration {

    /**
     * Stand-in until a provider is plugged in: any non-blank token except the literal {@code invalid} passes, so
     * the required mode can be exercised without a third party. Only consulted when {@code ticketing.captcha.required}.
     */
    @Bean
    @ConditionalOnMissingBean(CaptchaVerifier.class)
    CaptchaVerifier localCaptchaVerifier(CaptchaProperties properties) {
        if (properties.required()) {
            LoggerFactory.getLogger(CaptchaConfiguration.class).warn(
                    "CAPTCHA is required but no provider is plugged in: the stand-in verifier only checks that a token"
                            + " is present. Declare a CaptchaVerifier bean for a real provider.");
        }
        return (token, clientIp) -> Mono.just(token != null && !token.isBlank() && !"invalid".equals(token));
    }
}
