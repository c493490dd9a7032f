package io.surge.ticketing.gateway.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtAuthenticationConverterAdapter;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;

import io.surge.ticketing.contracts.ErrorCode;
import io.surge.ticketing.contracts.web.UserRoles;
import io.surge.ticketing.gateway.web.Problems;


/**
 * Who may call what. Public (and CDN-cacheable): search, event details, seat map, availability, a queue's progress,
 * the JWKS, the local token endpoint, the API docs, health and the web app's static files. Admin APIs need the {@code admin} role, except the door
 * scan ({@code POST /api/v1/admin/events/{id}/check-ins}), which door staff ({@code scanner}) may call too and
 * nothing else of the admin API. Everything else needs a valid JWT. Stateless: no session, no saved request, no CSRF
 * (there are no cookies to ride on).
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
class SecurityConfiguration {

    /** The door scan: the one admin API door staff may call. */
    static final String CHECK_INS = "/api/v1/admin/events/{id}/check-ins";

    @Bean
    SecurityWebFilterChain edgeSecurity(ServerHttpSecurity http, ReactiveJwtDecoder jwtDecoder) {
        ServerAuthenticationEntryPoint unauthorized = (exchange, e) -> {
            exchange.getResponse().getHeaders().set("WWW-Authenticate",
                    exchange.getRequest().getHeaders().containsHeader("Authorization")
                            ? "Bearer error=\"invalid_token\"" : "Bearer");
            return Problems.write(exchange, HttpStatus.UNAUTHORIZED, ErrorCode.UNAUTHORIZED,
                    "a valid bearer token is required");
        };
        ServerAccessDeniedHandler forbidden = (exchange, e) -> Problems.write(exchange, HttpStatus.FORBIDDEN,
                ErrorCode.FORBIDDEN, "this token does not grant access to this resource");

        return http
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                // the services decide Cache-Control (availability is meant to be cached for a second)
                .headers(headers -> headers.cache(ServerHttpSecurity.HeaderSpec.CacheSpec::disable))
                .authorizeExchange(exchanges -> exchanges
                        .pathMatchers(HttpMethod.GET, "/api/v1/events/search", "/api/v1/events/{id}",
                                "/api/v1/events/{id}/seatmap", "/api/v1/events/{id}/availability",
                                "/api/v1/waiting-room/{id}/progress").permitAll()
                        .pathMatchers(HttpMethod.GET, "/.well-known/jwks.json").permitAll()
                        // the fan's web app (static files and its config): it signs in by itself, then calls /api
                        .pathMatchers(HttpMethod.GET, "/", "/index.html", "/config.json", "/assets/**").permitAll()
                        .pathMatchers(HttpMethod.POST, "/api/v1/auth/token").permitAll()
                        .pathMatchers(HttpMethod.GET, "/swagger-ui.html", "/swagger-ui/**", "/webjars/**",
                                "/v3/api-docs", "/v3/api-docs/**").permitAll()
                        .pathMatchers(HttpMethod.GET, "/actuator/health", "/actuator/health/**").permitAll()
                        // scraped by Prometheus inside the cluster; the Ingress forwards only /api/** to the gateway
                        .pathMatchers(HttpMethod.GET, "/actuator/prometheus").permitAll()
                        // circuit-breaker fallbacks are reached by internal forwards only
                        .pathMatchers("/fallback/**").denyAll()
                        // the same rule as the services' UserRoles.mayCheckIn; ordered before the admin catch-all
                        .pathMatchers(HttpMethod.POST, CHECK_INS).hasAnyRole(UserRoles.ADMIN, UserRoles.SCANNER)
                        .pathMatchers("/api/v1/admin/**", "/actuator/**").hasRole(UserRoles.ADMIN)
                        .anyExchange().authenticated())
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .jwt(jwt -> jwt.jwtDecoder(jwtDecoder).jwtAuthenticationConverter(rolesConverter()))
                        .authenticationEntryPoint(unauthorized)
                        .accessDeniedHandler(forbidden))
                .exceptionHandling(handling -> handling
                        .authenticationEntryPoint(unauthorized)
                        .accessDeniedHandler(forbidden))
                .build();
    }

    /**
     * A request the firewall refuses (an encoded slash, a control character or a quote in the path, a malformed
     * header) is a 400 problem like every other refusal, not an empty answer.
     */
    @Bean
    ServerExchangeRejectedHandler exchangeRejectedHandler() {
        return (exchange, rejected) -> Problems.write(exchange, HttpStatus.BAD_REQUEST, ErrorCode.VALIDATION_FAILED,
                "the request's path or headers are not allowed");
    }

    /**
     * The {@code roles} claim (e.g. {@code ["admin"]}) becomes ROLE_admin; a claimed role that is not a plain name
     * ({@link UserRoles}) is dropped, exactly as the services read the roles header.
     */
    private static ReactiveJwtAuthenticationConverterAdapter rolesConverter() {
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(jwt -> IdentityHeadersFilter.roles(jwt).stream()
                .map(role -> (GrantedAuthority) new SimpleGrantedAuthority("ROLE_" + role))
                .toList());
        return new ReactiveJwtAuthenticationConverterAdapter(converter);
    }

}
