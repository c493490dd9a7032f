package io.surge.ticketing.gateway.ratelimit;

import java.util.List;

import org.springframework.http.server.PathContainer;
import org.springframework.stereotype.Component;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/** Finds the route group whose limits apply to a path (first match wins). */
@Component
class RateLimitGroups {

    private final List<Matcher> matchers;

    RateLimitGroups(RateLimitProperties properties) {
        this.matchers = properties.groups().stream()
                .map(g -> new Matcher(g, g.paths().stream().map(PathPatternParser.defaultInstance::parse).toList()))
                .toList();
    }

    RateLimitProperties.Group find(PathContainer path) {
        for (Matcher m : matchers) {
            for (PathPattern p : m.patterns()) {
                if (p.matches(path)) {
                    return m.group();
                }
            }
        }
        return null;
    }

    private record Matcher(RateLimitProperties.Group group, List<PathPattern> patterns) {
    }
}
