package io.surge.ticketing.platform.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

import io.surge.ticketing.contracts.web.Headers;
import io.surge.ticketing.contracts.web.ServiceCredential;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * A service answers its API only to our own callers: every request must carry a valid {@link ServiceCredential}
 * (the gateway's, or a peer service's such as payment calling booking's {@code /internal/**}) bound to the identity
 * headers it carries. Anything else, a pod that reached the port directly included, gets 401 before any controller
 * runs and whatever {@code X-User-Id} it sent is never read. Actuator is on the management port, outside this.
 */
public class ServiceAuthenticationFilter extends OncePerRequestFilter {

    private static final byte[] REFUSAL = ("{\"type\":\"https://ticketing.surge.io/problems/unauthorized\","
            + "\"title\":\"Unauthorized\",\"status\":401,"
            + "\"detail\":\"this service answers only the platform's own callers (missing or invalid service credential)\","
            + "\"code\":\"UNAUTHORIZED\"}").getBytes(StandardCharsets.UTF_8);

    private final ServiceCredential credentials;

    public ServiceAuthenticationFilter(ServiceCredential credentials) {
        this.credentials = credentials;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (credentials.verify(request.getHeader(ServiceCredential.HEADER), request.getHeader(Headers.USER_ID),
                request.getHeader(Headers.USER_ROLES))) {
            chain.doFilter(request, response);
            return;
        }
        response.setStatus(HttpStatus.UNAUTHORIZED.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setHeader("Cache-Control", "no-store");
        response.setContentLength(REFUSAL.length);
        response.getOutputStream().write(REFUSAL);
    }
}
