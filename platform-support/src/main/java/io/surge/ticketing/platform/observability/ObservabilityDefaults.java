package io.surge.ticketing.platform.observability;

import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * The observability settings every service shares, as lowest-precedence defaults (a service's application.yml
 * or the environment still wins):
 * <ul>
 * <li>JSON log lines (Elastic Common Schema) on the console, carrying {@code traceId} and {@code spanId};</li>
 * <li>trace context carried through Kafka: the producer writes a W3C {@code traceparent} header and record
 * listeners continue the trace (batch listeners do it per record themselves);</li>
 * <li>latency histogram buckets of {@code http.server.requests}, for {@code histogram_quantile()} in dashboards;</li>
 * <li>no observation (span and timer) per Redis command: on the surge's hot paths (reservations, queue polls) it
 * cost more CPU than the command itself (docs/benchmarks.md); a service times its own Redis work where it matters.</li>
 * </ul>
 * Traces are exported over OTLP only where {@code management.opentelemetry.tracing.export.otlp.endpoint} is set.
 */
public class ObservabilityDefaults implements EnvironmentPostProcessor, Ordered {

    static final String SOURCE = "ticketingObservabilityDefaults";

    static final Map<String, Object> DEFAULTS = Map.of(
            "logging.structured.format.console", "ecs",
            "spring.kafka.template.observation-enabled", "true",
            "spring.kafka.listener.observation-enabled", "true",
            "management.metrics.distribution.percentiles-histogram.http.server.requests", "true",
            "management.observations.enable.lettuce", "false");

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!environment.getPropertySources().contains(SOURCE)) {
            environment.getPropertySources().addLast(new MapPropertySource(SOURCE, DEFAULTS));
        }
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
