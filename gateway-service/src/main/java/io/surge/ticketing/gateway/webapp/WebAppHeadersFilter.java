package io.surge.ticketing.gateway.webapp;

import java.util.ArrayList;
import java.util.List;

import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

import reactor.core.publisher.Mono;

/**
 * The web app's pages and files ({@link #PATHS}) carry a Content-Security-Policy that runs scripts and styles from
 * this origin only (the app has no inline script, no CDN, no external font) and {@code Cache-Control: no-cache}: the
 * files are not fingerprinted, so a browser revalidates each (a cheap 304 on Last-Modified) and never mixes the
 * modules of two releases. The API's own answers are untouched.
 */
@Component
class WebAppHeadersFilter implements WebFilter, Ordered {

    /** Everything the app serves: its page, its deployment config and its assets. */
    static final List<String> PATHS = List.of("/", "/index.html", "/config.json", "/assets/**");

    private final List<PathPattern> paths = PATHS.stream().map(PathPatternParser.defaultInstance::parse).toList();
    private final String policy;

    WebAppHeadersFilter(WebAppProperties properties) {
        this.policy = policy(properties);
    }

    static String policy(WebAppProperties properties) {
        List<String> connect = new ArrayList<>(List.of("'self'"));
        if (properties.signIn() == WebAppProperties.SignIn.oidc && properties.oidc().issuerOrigin() != null) {
            connect.add(properties.oidc().issuerOrigin());
        }
        connect.addAll(properties.connectSources());
        return "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' blob: data:; font-src 'self'; "
                + "connect-src " + String.join(" ", connect) + "; manifest-src 'self'; base-uri 'none'; "
                + "form-action 'self'; frame-ancestors 'none'; object-src 'none'";
    }

    @Override
    public int getOrder() {
        // before everything that may answer early (deny list -300): a refusal of a page request is a page too
        return Ordered.HIGHEST_PRECEDENCE + 10;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        HttpMethod method = exchange.getRequest().getMethod();
        if ((method == HttpMethod.GET || method == HttpMethod.HEAD)
                && paths.stream().anyMatch(p -> p.matches(exchange.getRequest().getPath().pathWithinApplication()))) {
            HttpHeaders headers = exchange.getResponse().getHeaders();
            headers.set("Content-Security-Policy", policy);
            headers.set(HttpHeaders.CACHE_CONTROL, "no-cache");
            headers.set("Referrer-Policy", "no-referrer");
        }
        return chain.filter(exchange);
    }
}
