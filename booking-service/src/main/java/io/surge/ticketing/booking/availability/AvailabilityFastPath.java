package io.surge.ticketing.booking.availability;

import java.io.IOException;
import java.util.Optional;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.filter.ServerHttpObservationFilter;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The hottest read of a surge answered at the servlet level: a GET of an event's availability whose answer this
 * instance holds ({@link AvailabilityAnswers}) is written straight from the encoded bytes, after the observation
 * filter (so it is timed and traced like any request) and before Spring MVC's dispatch (handler lookup, argument
 * resolution and message conversion cost more than the answer itself; see docs/benchmarks.md). Everything else
 * (an unknown event, another representation, a HEAD) goes on to {@link AvailabilityController}, which answers the
 * same way and documents the endpoint. Off with {@code ticketing.booking.availability.fast-path=false}.
 */
final class AvailabilityFastPath implements Filter {

    static final String PATTERN = "/api/v1/events/{event_id}/availability";
    private static final String PREFIX = "/api/v1/events/";
    private static final String SUFFIX = "/availability";

    private final AvailabilityAnswers answers;
    private final String cacheControl;

    AvailabilityFastPath(AvailabilityAnswers answers, CacheControl cacheControl) {
        this.answers = answers;
        this.cacheControl = cacheControl.getHeaderValue();
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        long eventId = "GET".equals(request.getMethod()) ? eventId(request.getRequestURI()) : -1;
        Representation representation = eventId > 0 ? Representation.of(request.getHeader(HttpHeaders.ACCEPT)) : null;
        Optional<AvailabilityAnswers.Answer> answer;
        try {
            answer = representation == null ? Optional.empty() : answers.find(eventId);
        } catch (RuntimeException redisDown) {
            // the controller answers it (a 503 problem with Retry-After while Redis is unavailable)
            answer = Optional.empty();
        }
        if (answer.isEmpty()) {
            chain.doFilter(req, res);
            return;
        }
        ServerHttpObservationFilter.findObservationContext(request).ifPresent(context -> context.setPathPattern(PATTERN));
        HttpServletResponse response = (HttpServletResponse) res;
        AvailabilityAnswers.Answer a = answer.get();
        String etag = representation == Representation.BYTES ? a.bytesEtag() : a.jsonEtag();
        response.setHeader(HttpHeaders.ETAG, etag);
        response.setHeader(HttpHeaders.CACHE_CONTROL, cacheControl);
        response.setHeader("X-Seat-Count", Integer.toString(a.seatCount()));
        if (AvailabilityController.matches(request.getHeader(HttpHeaders.IF_NONE_MATCH), etag)) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        byte[] body = representation == Representation.BYTES ? a.bitfield() : a.json();
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType(representation.mediaType);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    /** The event id of an availability path, or -1 for any other path. */
    static long eventId(String uri) {
        if (uri == null || !uri.startsWith(PREFIX) || !uri.endsWith(SUFFIX)) {
            return -1;
        }
        String id = uri.substring(PREFIX.length(), uri.length() - SUFFIX.length());
        if (id.isEmpty() || id.length() > 18) {
            return -1;
        }
        long value = 0;
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    /** The representations the endpoint has; anything else is left to Spring MVC's content negotiation. */
    enum Representation {
        JSON(MediaType.APPLICATION_JSON_VALUE), BYTES(MediaType.APPLICATION_OCTET_STREAM_VALUE);

        private final String mediaType;

        Representation(String mediaType) {
            this.mediaType = mediaType;
        }

        static Representation of(String accept) {
            if (accept == null || accept.isBlank() || accept.equals("*/*") || accept.equals(MediaType.APPLICATION_JSON_VALUE)) {
                return JSON;
            }
            if (accept.equals(MediaType.APPLICATION_OCTET_STREAM_VALUE)) {
                return BYTES;
            }
            return null;
        }
    }
}
