package io.surge.ticketing.gateway.cache;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The gateway's short-lived cache of public answers.
 *
 * @param enabled      off: every request goes to its service
 * @param paths        the public GET routes whose answers may be kept (PathPattern syntax); nothing else ever is
 * @param maxTtl       the longest an answer is kept, whatever the service's {@code max-age} says
 * @param maxBodySize  larger answers are passed through, not kept
 * @param maxSize      total bytes of the kept bodies
 * @param missTimeout  how long a request waits for a concurrent miss of the same key before asking the service itself
 */
@ConfigurationProperties("ticketing.gateway.edge.cache")
record EdgeCacheProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue({"/api/v1/events/search", "/api/v1/events/{id}", "/api/v1/events/{id}/seatmap",
                "/api/v1/events/{id}/availability", "/api/v1/waiting-room/{id}/progress"}) List<String> paths,
        @DefaultValue("10s") Duration maxTtl,
        @DefaultValue("1MB") DataSize maxBodySize,
        @DefaultValue("64MB") DataSize maxSize,
        @DefaultValue("3s") Duration missTimeout) {
}
