package io.surge.ticketing.booking.decide;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;

/**
 * Continues, per reservation command, the trace of the HTTP request that buffered it. Batch listeners get no
 * per-record observation from Spring Kafka, so the decider opens one consumer span per command from its
 * {@code traceparent} header and logs the decision inside it: the request's trace id ({@code X-Trace-Id} at the
 * gateway) appears on the decision's log line.
 */
@Component
class DecisionTraces {

    private static final Logger log = LoggerFactory.getLogger(DecisionTraces.class);

    private final Tracer tracer;
    private final Propagator propagator;

    DecisionTraces(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
        this.tracer = tracer.getIfAvailable(() -> Tracer.NOOP);
        this.propagator = propagator.getIfAvailable(() -> Propagator.NOOP);
    }

    /** Opens a span per command (keyed by booking id) as the batch starts; {@link Batch#decided} closes them. */
    Batch start(Map<UUID, Headers> headersByBooking) {
        Map<UUID, Span> spans = new HashMap<>(headersByBooking.size() * 2);
        headersByBooking.forEach((bookingId, headers) -> spans.put(bookingId,
                propagator.extract(headers, DecisionTraces::header)
                        .name("booking.decide")
                        .kind(Span.Kind.CONSUMER)
                        .tag("booking.id", bookingId.toString())
                        .start()));
        return new Batch(spans);
    }

    private static String header(Headers headers, String key) {
        Header header = headers.lastHeader(key);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    final class Batch {

        private final Map<UUID, Span> spans;

        private Batch(Map<UUID, Span> spans) {
            this.spans = spans;
        }

        void decided(List<Decision> decisions) {
            for (Decision decision : decisions) {
                Span span = spans.remove(decision.bookingId());
                if (span == null) {
                    continue;
                }
                try (Tracer.SpanInScope scope = tracer.withSpan(span)) {
                    span.tag("booking.outcome", outcome(decision));
                    log.atInfo().addKeyValue("booking_id", decision.bookingId())
                            .addKeyValue("event_id", decision.eventId())
                            .addKeyValue("outcome", outcome(decision))
                            .log("reservation {} decided: {}", decision.bookingId(), outcome(decision));
                } finally {
                    span.end();
                }
            }
            failed(null);
        }

        /** Ends what is left open (a failed batch is retried and traced again). */
        void failed(Throwable error) {
            spans.values().forEach(span -> {
                if (error != null) {
                    span.error(error);
                }
                span.end();
            });
            spans.clear();
        }

        private static String outcome(Decision decision) {
            return decision.reason() == null ? decision.status().name() : decision.reason();
        }
    }
}
