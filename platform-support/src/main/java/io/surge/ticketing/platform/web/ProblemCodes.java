package io.surge.ticketing.platform.web;

import java.net.URI;
import java.util.Locale;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

import io.surge.ticketing.contracts.ErrorCode;

/** Builds RFC 9457 problem details that always carry the stable {@code code} member. */
public final class ProblemCodes {

    private static final String TYPE_BASE = "https://ticketing.surge.io/problems/";

    private ProblemCodes() {
    }

    public static ProblemDetail problem(HttpStatusCode status, ErrorCode code, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_BASE + code.name().toLowerCase(Locale.ROOT).replace('_', '-')));
        problem.setProperty("code", code.name());
        return problem;
    }
}
