package io.surge.ticketing.platform.security;

import java.time.Clock;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;

import io.surge.ticketing.contracts.web.ServiceCredential;

/**
 * Services authenticate each other with the key they share, {@code ticketing.service-auth.secret}
 * ({@code TICKETING_SERVICE_SECRET}): a {@link ServiceCredential} to sign calls to a peer wherever the key is set, and
 * on every servlet service the {@link ServiceAuthenticationFilter}, which refuses calls without one. The filter is on
 * by default and then needs the key to start; {@code ticketing.service-auth.enabled=false} is for services with no
 * API (and for in-process tests that call a controller directly).
 */
@AutoConfiguration
public class ServiceAuthenticationAutoConfiguration {

    /** Before anything else reads the request, the availability fast path included. */
    public static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 1;

    @Bean
    @ConditionalOnProperty("ticketing.service-auth.secret")
    ServiceCredential serviceCredential(Environment environment) {
        return new ServiceCredential(environment.getProperty("ticketing.service-auth.secret"), Clock.systemUTC());
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = Type.SERVLET)
    @ConditionalOnBooleanProperty(name = "ticketing.service-auth.enabled", matchIfMissing = true)
    static class Filter {

        @Bean
        FilterRegistrationBean<ServiceAuthenticationFilter> serviceAuthenticationFilter(Environment environment) {
            ServiceCredential credentials = new ServiceCredential(
                    environment.getProperty("ticketing.service-auth.secret"), Clock.systemUTC());
            FilterRegistrationBean<ServiceAuthenticationFilter> registration =
                    new FilterRegistrationBean<>(new ServiceAuthenticationFilter(credentials));
            registration.setOrder(ORDER);
            registration.addUrlPatterns("/*");
            return registration;
        }
    }
}
