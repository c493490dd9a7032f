package io.surge.ticketing.platform.web;

import static io.surge.ticketing.platform.web.ProblemCodes.problem;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.FieldError;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import tools.jackson.databind.util.NamingStrategyImpls;

import io.surge.ticketing.contracts.ErrorCode;
import jakarta.validation.ConstraintViolationException;

/**
 * Turns every failure of a servlet service into RFC 9457 problem+json with a stable {@code code}:
 * domain refusals keep their status and code, framework errors map to the closest code, and anything
 * unexpected is a 500 without stack traces or SQL.
 */
@RestControllerAdvice
public class PlatformProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(PlatformProblemHandler.class);

    /** A DomainException property that also becomes the {@code Retry-After} header (seconds). */
    public static final String RETRY_AFTER_PROPERTY = "retry_after_seconds";

    /**
     * The answer to a failure raised outside Spring MVC's dispatch (a servlet-level fast path), the same as the
     * handlers below give inside it.
     */
    public static ResponseEntity<ProblemDetail> answerFor(Exception e) {
        return e instanceof DomainException refusal ? domainAnswer(refusal) : unexpectedAnswer(e);
    }

    @ExceptionHandler(DomainException.class)
    ResponseEntity<ProblemDetail> domain(DomainException e) {
        return domainAnswer(e);
    }

    private static ResponseEntity<ProblemDetail> domainAnswer(DomainException e) {
        ProblemDetail body = problem(e.status(), e.code(), e.getMessage());
        e.properties().forEach(body::setProperty);
        HttpHeaders headers = new HttpHeaders();
        if (e.properties().get(RETRY_AFTER_PROPERTY) instanceof Number seconds) {
            headers.set(HttpHeaders.RETRY_AFTER, Long.toString(seconds.longValue()));
        }
        return respond(e.status(), body, headers);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e) {
        ProblemDetail body = problem(HttpStatus.BAD_REQUEST, ErrorCode.VALIDATION_FAILED,
                "'" + e.getName() + "' has an invalid value");
        return respond(HttpStatus.BAD_REQUEST, body, new HttpHeaders());
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<ProblemDetail> constraintViolation(ConstraintViolationException e) {
        ProblemDetail body = problem(HttpStatus.BAD_REQUEST, ErrorCode.VALIDATION_FAILED, "request is invalid");
        List<Map<String, String>> errors = e.getConstraintViolations().stream()
                .map(v -> Map.of("field", jsonName(lastNode(v.getPropertyPath().toString())), "message", v.getMessage()))
                .toList();
        body.setProperty("errors", errors);
        return respond(HttpStatus.BAD_REQUEST, body, new HttpHeaders());
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        return unexpectedAnswer(e);
    }

    private static ResponseEntity<ProblemDetail> unexpectedAnswer(Exception e) {
        if (DependencyFailures.isDependencyDown(e)) {
            logUnavailableAtMostOncePerSecond(e);
            ProblemDetail body = problem(HttpStatus.SERVICE_UNAVAILABLE, ErrorCode.SERVICE_UNAVAILABLE,
                    "a system this service depends on is unavailable; retry later");
            HttpHeaders headers = new HttpHeaders();
            headers.set(HttpHeaders.RETRY_AFTER, "2");
            return respond(HttpStatus.SERVICE_UNAVAILABLE, body, headers);
        }
        log.error("unexpected failure", e);
        ProblemDetail body = problem(HttpStatus.INTERNAL_SERVER_ERROR, ErrorCode.INTERNAL_ERROR,
                "an unexpected error occurred");
        return respond(HttpStatus.INTERNAL_SERVER_ERROR, body, new HttpHeaders());
    }

    private static final java.util.concurrent.atomic.AtomicLong lastUnavailableLog = new java.util.concurrent.atomic.AtomicLong();

    /** An outage fails every request for a while: one line a second says so without flooding the log. */
    private static void logUnavailableAtMostOncePerSecond(Exception e) {
        long now = System.currentTimeMillis();
        long last = lastUnavailableLog.get();
        if (now - last >= 1000 && lastUnavailableLog.compareAndSet(last, now)) {
            log.warn("a dependency is unavailable, answering 503: {}", e.toString());
        }
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail body = problem(HttpStatus.BAD_REQUEST, ErrorCode.VALIDATION_FAILED, "request body is invalid");
        List<Map<String, String>> errors = e.getBindingResult().getFieldErrors().stream()
                .map(PlatformProblemHandler::fieldError)
                .toList();
        body.setProperty("errors", errors);
        return new ResponseEntity<>(body, problemHeaders(headers), HttpStatus.BAD_REQUEST);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail body = problem(HttpStatus.BAD_REQUEST, ErrorCode.VALIDATION_FAILED, "request is invalid");
        List<Map<String, String>> errors = e.getParameterValidationResults().stream()
                .flatMap(r -> r.getResolvableErrors().stream().map(err -> {
                    Map<String, String> m = new LinkedHashMap<>();
                    m.put("field", r.getMethodParameter().getParameterName());
                    m.put("message", String.valueOf(err.getDefaultMessage()));
                    return m;
                }))
                .toList();
        body.setProperty("errors", errors);
        return new ResponseEntity<>(body, problemHeaders(headers), HttpStatus.BAD_REQUEST);
    }

    /** Framework exceptions already carry a ProblemDetail: add the code that matches their status. */
    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode status,
            WebRequest request) {
        if (body instanceof ProblemDetail detail && detail.getProperties() == null
                || body instanceof ProblemDetail d && !d.getProperties().containsKey("code")) {
            ((ProblemDetail) body).setProperty("code", codeFor(status).name());
        }
        return new ResponseEntity<>(body, problemHeaders(headers), status);
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
            HttpStatusCode statusCode, WebRequest request) {
        if (body == null && ex instanceof ErrorResponse er) {
            body = er.updateAndGetBody(getMessageSource(), java.util.Locale.getDefault());
        }
        if (body instanceof ProblemDetail detail && statusCode.value() == 400
                && ex instanceof org.springframework.http.converter.HttpMessageNotReadableException) {
            detail.setDetail("request body is not readable JSON of the expected shape");
            detail.setProperty("code", ErrorCode.MALFORMED_REQUEST.name());
        }
        return super.handleExceptionInternal(ex, body, headers, statusCode, request);
    }

    static ErrorCode codeFor(HttpStatusCode status) {
        return ErrorCode.forStatus(status.value());
    }

    private static Map<String, String> fieldError(FieldError error) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("field", jsonName(error.getField()));
        m.put("message", String.valueOf(error.getDefaultMessage()));
        return m;
    }

    /** The API is snake_case: report fields as clients wrote them ({@code sections[0].seats_per_row}). */
    static String jsonName(String javaPath) {
        return NamingStrategyImpls.SNAKE_CASE.translate(javaPath);
    }

    // A method-parameter path ("reserve.request.eventId") names the argument first; clients only know the field.
    private static String lastNode(String path) {
        String[] parts = path.split("\\.", 3);
        return parts.length == 3 ? parts[2] : parts[parts.length - 1];
    }

    private static ResponseEntity<ProblemDetail> respond(HttpStatusCode status, ProblemDetail body, HttpHeaders headers) {
        return new ResponseEntity<>(body, problemHeaders(headers), status);
    }

    private static HttpHeaders problemHeaders(HttpHeaders headers) {
        HttpHeaders copy = new HttpHeaders();
        if (headers != null) {
            copy.putAll(headers);
        }
        copy.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        return copy;
    }
}
