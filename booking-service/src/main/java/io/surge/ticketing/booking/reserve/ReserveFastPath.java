package io.surge.ticketing.booking.reserve;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.URI;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.json.ProblemDetailJacksonMixin;
import org.springframework.web.filter.ServerHttpObservationFilter;

import tools.jackson.databind.json.JsonMapper;

import io.surge.ticketing.booking.bookings.BookingStatus;
import io.surge.ticketing.booking.decide.Decision;
import io.surge.ticketing.contracts.web.Headers;
import io.surge.ticketing.platform.web.DomainException;
import io.surge.ticketing.platform.web.GatewayUser;
import io.surge.ticketing.platform.web.PlatformProblemHandler;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Validator;

/**
 * The write path's entry at the servlet level. A well-formed, valid reserve request is read, validated and submitted
 * to the {@link ReserveUseCase} here, after the observation filter (so it is timed and traced like any request),
 * and its answer is written straight from the decision callback: no Spring MVC dispatch, and no async re-dispatch
 * through the container to write the decision. In the closed-loop profile those two took more of booking-service's
 * CPU than the reservation itself (see docs/benchmarks.md). The answers are those {@link ReserveController}
 * documents, built by the same code ({@link ReserveAnswers#created}, {@link ReserveAnswers#accepted},
 * {@link ReserveAnswers#rejection}, {@link PlatformProblemHandler#answerFor}).
 *
 * <p>Anything else (another method or content type, a body over 16 KB, one that does not parse into a
 * {@link ReserveRequest} or breaks its constraints) goes on to the controller with the bytes read so far, and Spring
 * MVC answers it as before. Off with {@code ticketing.booking.reserve.fast-path=false}.
 */
final class ReserveFastPath implements Filter {

    static final String PATH = "/api/v1/bookings/reserve";
    private static final int MAX_BODY = 16 * 1024;
    private static final Logger log = LoggerFactory.getLogger(ReserveFastPath.class);

    private final ReserveUseCase buffer;
    private final JsonMapper json;
    private final Validator validator;

    ReserveFastPath(ReserveUseCase buffer, JsonMapper json, Validator validator) {
        this.buffer = buffer;
        // problem bodies flattened as Spring MVC's converter writes them (the members beside type, title, ...)
        this.json = json.rebuild().addMixIn(ProblemDetail.class, ProblemDetailJacksonMixin.class).build();
        this.validator = validator;
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        if (!"POST".equals(request.getMethod()) || !PATH.equals(request.getRequestURI())
                || !isJson(request.getContentType()) || request.getContentLengthLong() > MAX_BODY) {
            chain.doFilter(req, res);
            return;
        }
        byte[] body = request.getInputStream().readNBytes(MAX_BODY + 1);
        ReserveRequest parsed = body.length > MAX_BODY ? null : parse(body);
        if (parsed == null) {
            chain.doFilter(new ReadAgain(request, body), res);
            return;
        }
        ServerHttpObservationFilter.findObservationContext(request).ifPresent(context -> context.setPathPattern(PATH));
        AsyncContext async = request.startAsync(request, res);
        async.setTimeout(ReserveUseCase.ASYNC_TIMEOUT_MS);
        Answer answer = new Answer(async);
        try {
            UUID bookingId = buffer.submit(GatewayUser.require(request.getHeader(Headers.USER_ID)),
                    request.getHeader(Headers.ADMISSION_TOKEN), request.getHeader(Headers.IDEMPOTENCY_KEY), parsed, answer);
            answer.waitingFor(bookingId, parsed.eventId());
        } catch (RuntimeException refused) {
            answer.write(PlatformProblemHandler.answerFor(refused));
        }
    }

    private ReserveRequest parse(byte[] body) {
        try {
            ReserveRequest request = json.readValue(body, ReserveRequest.class);
            return request != null && validator.validate(request).isEmpty() ? request : null;
        } catch (RuntimeException malformed) {
            return null; // Spring MVC answers it (400 MALFORMED_REQUEST or VALIDATION_FAILED with the fields)
        }
    }

    private static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        try {
            return MediaType.APPLICATION_JSON.isCompatibleWith(MediaType.parseMediaType(contentType));
        } catch (RuntimeException invalid) {
            return false;
        }
    }

    /** One request's answer, written once from whichever thread comes first: the caller, the decision or a timer. */
    private final class Answer implements ReservationReply, AsyncListener {

        private final AsyncContext async;
        private final AtomicBoolean answered = new AtomicBoolean();
        private volatile UUID bookingId;
        private volatile long eventId;

        Answer(AsyncContext async) {
            this.async = async;
            async.addListener(this);
        }

        void waitingFor(UUID bookingId, long eventId) {
            this.bookingId = bookingId;
            this.eventId = eventId;
        }

        @Override
        public void decided(Decision decision) {
            write(decision.status() == BookingStatus.REJECTED
                    ? PlatformProblemHandler.answerFor(ReserveAnswers.rejection(decision))
                    : ReserveAnswers.created(decision));
        }

        @Override
        public void pending(UUID id, long event) {
            write(ReserveAnswers.accepted(id, event));
        }

        @Override
        public void failed(DomainException refusal) {
            write(PlatformProblemHandler.answerFor(refusal));
        }

        void write(ResponseEntity<?> entity) {
            if (!answered.compareAndSet(false, true)) {
                return;
            }
            try {
                HttpServletResponse response = (HttpServletResponse) async.getResponse();
                response.setStatus(entity.getStatusCode().value());
                entity.getHeaders().forEach((name, values) -> values.forEach(value -> response.addHeader(name, value)));
                Object body = entity.getBody();
                if (body instanceof ProblemDetail problem && problem.getInstance() == null) {
                    problem.setInstance(URI.create(PATH));
                }
                byte[] bytes = json.writeValueAsBytes(body);
                if (response.getContentType() == null) {
                    response.setContentType(MediaType.APPLICATION_JSON_VALUE);
                }
                response.setContentLength(bytes.length);
                response.getOutputStream().write(bytes);
            } catch (IOException | RuntimeException gone) {
                log.debug("reservation answer not delivered: {}", gone.toString());
            } finally {
                async.complete();
            }
        }

        @Override
        public void onTimeout(AsyncEvent event) {
            UUID id = bookingId;
            if (id == null) {
                return;
            }
            buffer.abandon(id);
            pending(id, eventId);
        }

        @Override
        public void onComplete(AsyncEvent event) {
        }

        @Override
        public void onError(AsyncEvent event) {
            answered.set(true);
            UUID id = bookingId;
            if (id != null) {
                buffer.abandon(id);
            }
        }

        @Override
        public void onStartAsync(AsyncEvent event) {
        }
    }

    /** The request with the bytes already read put back in front of the rest of its body. */
    static final class ReadAgain extends HttpServletRequestWrapper {

        private final ServletInputStream body;

        ReadAgain(HttpServletRequest request, byte[] read) throws IOException {
            super(request);
            InputStream rest = new SequenceInputStream(new ByteArrayInputStream(read), request.getInputStream());
            this.body = new ServletInputStream() {
                private boolean finished;

                @Override
                public int read() throws IOException {
                    int b = rest.read();
                    finished = b < 0;
                    return b;
                }

                @Override
                public int read(byte[] into, int offset, int length) throws IOException {
                    int n = rest.read(into, offset, length);
                    finished = n < 0;
                    return n;
                }

                @Override
                public boolean isFinished() {
                    return finished;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("blocking reads only");
                }
            };
        }

        @Override
        public ServletInputStream getInputStream() {
            return body;
        }
    }
}
