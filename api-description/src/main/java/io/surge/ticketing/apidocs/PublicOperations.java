package io.surge.ticketing.apidocs;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.springdoc.core.customizers.GlobalOperationCustomizer;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.method.HandlerMethod;

import io.surge.ticketing.contracts.ErrorCode;
import io.surge.ticketing.contracts.web.Headers;
import io.surge.ticketing.contracts.web.ServiceCredential;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;

/**
 * Describes each operation as a client of the gateway meets it, from what the handler declares:
 * <ul>
 * <li>the identity headers the gateway sets ({@code X-User-Id}, {@code X-User-Roles}, the service credential) are
 * not parameters a client sends: a handler that reads the user needs the bearer JWT, one that reads the admission
 * token needs the {@code admission} scheme as well;</li>
 * <li>paths under {@code /api/v1/admin/} need the role {@code admin} (or what {@link RequiredRoles} names), shown as
 * {@code x-roles} and in the summary;</li>
 * <li>every refusal is an {@code application/problem+json} answer with one example per code: those the handler
 * names with {@link ProblemAnswer}, and those every operation of its kind gets at the edge (401, 403, 400, 413,
 * 415, 429, 503).</li>
 * </ul>
 */
public class PublicOperations implements GlobalOperationCustomizer {

    private static final String ADMIN_PATHS = "/api/v1/admin/";
    private static final Set<String> SET_BY_THE_GATEWAY = Set.of(Headers.USER_ID.toLowerCase(),
            Headers.USER_ROLES.toLowerCase(), ServiceCredential.HEADER.toLowerCase());

    @Override
    public Operation customize(Operation operation, HandlerMethod handler) {
        boolean user = removeHeaders(operation, Headers.USER_ID.toLowerCase());
        removeHeaders(operation, SET_BY_THE_GATEWAY);
        boolean admission = removeHeaders(operation, Headers.ADMISSION_TOKEN.toLowerCase());
        List<String> roles = roles(handler);
        Answers answers = new Answers();

        if (user || admission || !roles.isEmpty()) {
            SecurityRequirement requirement = new SecurityRequirement().addList(PublicApiComponents.BEARER);
            if (admission) {
                requirement.addList(PublicApiComponents.ADMISSION);
            }
            operation.setSecurity(new ArrayList<>(List.of(requirement)));
            answers.add(401, "no bearer token, or one that is expired, badly signed or issued for another API",
                    ErrorCode.UNAUTHORIZED);
        }
        if (!roles.isEmpty()) {
            operation.addExtension("x-roles", roles);
            operation.setSummary("[" + String.join(" or ", roles) + "] " + nullToEmpty(operation.getSummary()));
            answers.add(403, "the token does not carry the role " + String.join(" or ", roles), ErrorCode.FORBIDDEN);
        }
        if (admission) {
            answers.add(403, "no admission token, or one that is forged, expired, or for another event or fan: "
                    + "join the waiting room and wait for ADMITTED", ErrorCode.ADMISSION_REQUIRED,
                    ErrorCode.ADMISSION_INVALID, ErrorCode.ADMISSION_EXPIRED, ErrorCode.ADMISSION_WRONG_EVENT,
                    ErrorCode.ADMISSION_WRONG_USER);
        }
        for (ProblemAnswer declared : AnnotatedElementUtils.findMergedRepeatableAnnotations(handler.getMethod(),
                ProblemAnswer.class)) {
            answers.add(declared.status(), declared.when(), declared.codes());
        }
        boolean body = operation.getRequestBody() != null;
        boolean parameters = operation.getParameters() != null && !operation.getParameters().isEmpty();
        if (body || parameters) {
            answers.add(400, "a parameter or body member is missing or invalid; `errors` names each",
                    ErrorCode.VALIDATION_FAILED);
        }
        if (body) {
            answers.add(400, "the body is not JSON of the documented shape", ErrorCode.MALFORMED_REQUEST);
            answers.add(413, "the body is larger than the edge accepts (16 KB)", ErrorCode.PAYLOAD_TOO_LARGE);
            answers.add(415, "the body is not application/json", ErrorCode.UNSUPPORTED_MEDIA_TYPE);
        }
        answers.add(429, "too many requests from this fan or address: retry after `Retry-After` seconds",
                ErrorCode.RATE_LIMITED);
        answers.add(503, "the platform sheds load, a system behind it is down, or the service behind the gateway did "
                + "not answer in time (UPSTREAM_TIMEOUT: the request may have been applied): retry after `Retry-After` "
                + "seconds", ErrorCode.OVERLOADED, ErrorCode.SERVICE_UNAVAILABLE, ErrorCode.UPSTREAM_TIMEOUT);
        answers.applyTo(operation);
        return operation;
    }

    private static List<String> roles(HandlerMethod handler) {
        RequiredRoles declared = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), RequiredRoles.class);
        if (declared != null) {
            return List.of(declared.value());
        }
        return paths(handler).stream().anyMatch(path -> path.startsWith(ADMIN_PATHS)) ? List.of("admin") : List.of();
    }

    /** The handler's full paths: its class's prefix (if any) joined with the method's own. */
    static List<String> paths(HandlerMethod handler) {
        RequestMapping type = AnnotatedElementUtils.findMergedAnnotation(handler.getBeanType(), RequestMapping.class);
        RequestMapping method = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), RequestMapping.class);
        List<String> prefixes = type == null || type.path().length == 0 ? List.of("") : List.of(type.path());
        List<String> suffixes = method == null || method.path().length == 0 ? List.of("") : List.of(method.path());
        List<String> paths = new ArrayList<>();
        prefixes.forEach(prefix -> suffixes.forEach(suffix -> paths.add(prefix + suffix)));
        return paths;
    }

    private static boolean removeHeaders(Operation operation, String name) {
        return removeHeaders(operation, Set.of(name));
    }

    private static boolean removeHeaders(Operation operation, Set<String> lowerCaseNames) {
        List<Parameter> parameters = operation.getParameters();
        if (parameters == null) {
            return false;
        }
        boolean removed = parameters.removeIf(p -> "header".equals(p.getIn()) && p.getName() != null
                && lowerCaseNames.contains(p.getName().toLowerCase()));
        if (parameters.isEmpty()) {
            operation.setParameters(null);
        }
        return removed;
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }

    /** The refusals of one operation, by status; each code with the words of its first mention. */
    private static final class Answers {

        private final Map<Integer, Map<ErrorCode, String>> byStatus = new TreeMap<>();

        void add(int status, String when, ErrorCode... codes) {
            Map<ErrorCode, String> codesOfStatus = byStatus.computeIfAbsent(status, s -> new LinkedHashMap<>());
            Arrays.stream(codes).forEach(code -> codesOfStatus.putIfAbsent(code, when));
        }

        void applyTo(Operation operation) {
            ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
            operation.setResponses(responses);
            // refusals the handler described with springdoc's own @ApiResponse keep their words, and get the body
            responses.forEach((status, response) -> {
                if (isProblemStatus(status)) {
                    byStatus.computeIfAbsent(Integer.parseInt(status), s -> new LinkedHashMap<>());
                }
            });
            byStatus.forEach((status, codes) -> {
                ApiResponse response = responses.computeIfAbsent(String.valueOf(status), s -> new ApiResponse());
                if (codes.isEmpty()) {
                    codes.put(ErrorCode.forStatus(status), "");
                }
                if (response.getDescription() == null || response.getDescription().isBlank()) {
                    response.setDescription(describe(codes));
                }
                response.setContent(new Content().addMediaType(PublicApiComponents.PROBLEM_JSON, problem(status, codes)));
                if (status == 429 || status == 503) {
                    response.addHeaderObject("Retry-After", new Header()
                            .description("seconds to wait before retrying").schema(new IntegerSchema()));
                }
            });
        }

        private static boolean isProblemStatus(String status) {
            return status.length() == 3 && (status.charAt(0) == '4' || status.charAt(0) == '5');
        }

        private static String describe(Map<ErrorCode, String> codes) {
            Map<String, Set<ErrorCode>> byWords = new LinkedHashMap<>();
            codes.forEach((code, when) -> byWords.computeIfAbsent(when, w -> new LinkedHashSet<>()).add(code));
            List<String> parts = new ArrayList<>();
            byWords.forEach((when, sameWords) -> parts.add(String.join(", ", sameWords.stream().map(Enum::name).toList())
                    + (when.isBlank() ? "" : ": " + when)));
            return String.join("; ", parts);
        }

        @SuppressWarnings("rawtypes")
        private static MediaType problem(int status, Map<ErrorCode, String> codes) {
            MediaType media = new MediaType().schema(new Schema().$ref("#/components/schemas/" + PublicApiComponents.PROBLEM));
            HttpStatus known = HttpStatus.resolve(status);
            String title = known == null ? String.valueOf(status) : known.getReasonPhrase();
            codes.forEach((code, when) -> media.addExamples(code.name(), new Example().summary(code.name())
                    .value(PublicApiComponents.example(status, title, code, when.isBlank() ? title : when))));
            return media;
        }
    }
}
