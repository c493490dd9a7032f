package io.surge.ticketing.gateway.captcha;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import com.sun.net.httpserver.HttpServer;

/** The CAPTCHA stand-in never guards a prod deployment by accident, and a real provider is asked the right way. */
class CaptchaConfigurationUnitTests {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(CaptchaProperties.class)
    static class Properties {
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(Properties.class, CaptchaConfiguration.class);

    @Test
    void underProdARequiredCaptchaWithoutAProviderRefusesToStart() {
        runner.withPropertyValues("spring.profiles.active=prod", "ticketing.gateway.captcha.required=true")
                .run(context -> assertThat(context).hasFailed()
                        .getFailure().hasStackTraceContaining("no provider is configured"));
    }

    @Test
    void theStandInRunsUnderProdOnlyWhenLoudlyAllowed() {
        runner.withPropertyValues("spring.profiles.active=prod", "ticketing.gateway.captcha.required=true",
                        "ticketing.gateway.captcha.insecure-stand-in-accepts-any-token-in-prod=true")
                .run(context -> assertThat(context.getBean(CaptchaVerifier.class).verify("x", "1.2.3.4").block()).isTrue());
        runner.withPropertyValues("spring.profiles.active=local", "ticketing.gateway.captcha.required=true")
                .run(context -> assertThat(context).hasNotFailed());
    }

    @Test
    void aConfiguredProviderDecides() throws Exception {
        AtomicReference<String> form = new AtomicReference<>();
        HttpServer provider = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        provider.createContext("/siteverify", exchange -> {
            String sent = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            form.set(sent);
            byte[] body = ("{\"success\":" + sent.contains("response=solved") + ",\"hostname\":\"x\"}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        provider.start();
        try {
            runner.withPropertyValues("spring.profiles.active=prod", "ticketing.gateway.captcha.required=true",
                            "ticketing.gateway.captcha.verify-url=http://127.0.0.1:" + provider.getAddress().getPort() + "/siteverify",
                            "ticketing.gateway.captcha.secret=site-secret",
                            // the first call starts the HTTP client: on a busy machine that alone can pass the 2 s default
                            "ticketing.gateway.captcha.timeout=30s")
                    .run(context -> {
                        CaptchaVerifier verifier = context.getBean(CaptchaVerifier.class);
                        assertThat(verifier.verify("solved", "198.51.100.7").block()).isTrue();
                        assertThat(form.get()).contains("secret=site-secret").contains("remoteip=198.51.100.7");
                        assertThat(verifier.verify("x", "198.51.100.7").block()).as("any token is not enough").isFalse();
                        assertThat(verifier.verify("", "198.51.100.7").block()).isFalse();
                    });
        } finally {
            provider.stop(0);
        }
        runner.withPropertyValues("ticketing.gateway.captcha.required=true", "ticketing.gateway.captcha.verify-url=http://127.0.0.1:1/siteverify",
                        "ticketing.gateway.captcha.secret=s")
                .run(context -> assertThat(context.getBean(CaptchaVerifier.class).verify("solved", "1.2.3.4").block())
                        .as("a provider that cannot be reached refuses").isFalse());
    }
}
