package io.surge.ticketing.catalog.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import io.surge.ticketing.contracts.ErrorCode;
import io.surge.ticketing.contracts.web.Headers;
import io.surge.ticketing.contracts.web.UserRoles;
import io.surge.ticketing.platform.web.DomainException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Admin routes need the {@code admin} role. The gateway checks it already; checking again here means a
 * misrouted or direct call cannot change the catalog (defence in depth, the roles header is gateway-written).
 */
@Configuration(proxyBeanMethods = false)
class AdminAccess implements WebMvcConfigurer {

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                if (!UserRoles.isAdmin(request.getHeader(Headers.USER_ROLES))) {
                    throw new DomainException(HttpStatus.FORBIDDEN, ErrorCode.FORBIDDEN, "the admin role is required");
                }
                return true;
            }
        }).addPathPatterns("/api/v1/admin/**");
    }
}
