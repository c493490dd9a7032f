package io.surge.ticketing.gateway.captcha;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** @param required whether joins must carry a solved challenge (false on the local stack, true in prod) */
@ConfigurationProperties("ticketing.captcha")
record CaptchaProperties(@DefaultValue("false") boolean required) {
}
