package io.surge.ticketing.apidocs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.method.HandlerMethod;

import io.surge.ticketing.contracts.ErrorCode;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.parameters.PathParameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;

class PublicOperationsUnitTests {

    private final PublicOperations customizer = new PublicOperations();

    @Test
    void identityHeadersTheGatewaySetsAreNotParametersButTheBearerAndAdmissionSchemes() throws Exception {
        Operation operation = operation(new HeaderParameter().name("X-User-Id"), new HeaderParameter().name("x-user-roles"),
                new HeaderParameter().name("X-Service-Credential"), new HeaderParameter().name("X-Admission-Token"),
                new HeaderParameter().name("Idempotency-Key"));

        customizer.customize(operation, handler("reserve"));

        assertThat(operation.getParameters()).extracting(p -> p.getName()).containsExactly("Idempotency-Key");
        assertThat(operation.getSecurity()).containsExactly(new SecurityRequirement().addList("bearer").addList("admission"));
        assertThat(codes(operation, "401")).containsExactly("UNAUTHORIZED");
        assertThat(codes(operation, "403")).containsExactly("ADMISSION_REQUIRED", "ADMISSION_INVALID",
                "ADMISSION_EXPIRED", "ADMISSION_WRONG_EVENT", "ADMISSION_WRONG_USER");
    }

    @Test
    void declaredRefusalsAreProblemAnswersWithAnExamplePerCode() throws Exception {
        Operation operation = operation(new HeaderParameter().name("X-User-Id"));
        operation.setRequestBody(new RequestBody());

        customizer.customize(operation, handler("reserve"));

        ApiResponse conflict = operation.getResponses().get("409");
        assertThat(conflict.getContent()).containsOnlyKeys("application/problem+json");
        assertThat(conflict.getContent().get("application/problem+json").getSchema().get$ref())
                .isEqualTo("#/components/schemas/Problem");
        assertThat(codes(operation, "409")).containsExactly("SEATS_UNAVAILABLE", "TICKET_LIMIT_EXCEEDED");
        assertThat(conflict.getDescription()).contains("SEATS_UNAVAILABLE, TICKET_LIMIT_EXCEEDED: a seat is taken");
        Example example = conflict.getContent().get("application/problem+json").getExamples().get("SEATS_UNAVAILABLE");
        @SuppressWarnings("unchecked")
        Map<String, Object> value = (Map<String, Object>) example.getValue();
        assertThat(value).containsEntry("status", 409).containsEntry("code", "SEATS_UNAVAILABLE")
                .containsEntry("type", "https://ticketing.surge.io/problems/seats-unavailable");
        assertThat(codes(operation, "400")).containsExactly("VALIDATION_FAILED", "MALFORMED_REQUEST");
        assertThat(operation.getResponses()).containsKeys("413", "415", "429", "503").doesNotContainKey("504");
        assertThat(operation.getResponses().get("429").getHeaders()).containsKey("Retry-After");
        assertThat(codes(operation, "503")).containsExactly("OVERLOADED", "SERVICE_UNAVAILABLE", "UPSTREAM_TIMEOUT");
    }

    @Test
    void anAnonymousReadNeedsNoCredentialAndHasNoBodyRefusals() throws Exception {
        Operation operation = operation(new PathParameter().name("event_id"));

        customizer.customize(operation, handler("read"));

        assertThat(operation.getSecurity()).isNull();
        assertThat(operation.getResponses()).containsOnlyKeys("200", "400", "404", "429", "503");
        assertThat(codes(operation, "404")).containsExactly("EVENT_NOT_FOUND");
    }

    @Test
    void adminPathsNeedTheAdminRoleUnlessTheHandlerNamesOthers() throws Exception {
        Operation admin = operation();
        customizer.customize(admin, handler("sales"));
        assertThat(admin.getExtensions()).containsEntry("x-roles", List.of("admin"));
        assertThat(admin.getSummary()).startsWith("[admin] ");
        assertThat(admin.getSecurity()).containsExactly(new SecurityRequirement().addList("bearer"));
        assertThat(codes(admin, "403")).containsExactly("FORBIDDEN");

        Operation scan = operation();
        customizer.customize(scan, handler("checkIn"));
        assertThat(scan.getExtensions()).containsEntry("x-roles", List.of("admin", "scanner"));
    }

    @Test
    void aRefusalDescribedWithSpringdocsOwnAnnotationKeepsItsWordsAndGetsTheProblemBody() throws Exception {
        Operation operation = operation();
        operation.getResponses().addApiResponse("402", new ApiResponse().description("the card was declined"));

        customizer.customize(operation, handler("read"));

        assertThat(operation.getResponses().get("402").getDescription()).isEqualTo("the card was declined");
        assertThat(codes(operation, "402")).containsExactly("VALIDATION_FAILED");
        assertThat(operation.getResponses().get("402").getContent()).containsOnlyKeys("application/problem+json");
    }

    private static Operation operation(io.swagger.v3.oas.models.parameters.Parameter... parameters) {
        Operation operation = new Operation().summary("does it");
        operation.setParameters(new ArrayList<>(List.of(parameters)));
        operation.setResponses(new ApiResponses().addApiResponse("200", new ApiResponse().description("ok")));
        return operation;
    }

    private static List<String> codes(Operation operation, String status) {
        return new ArrayList<>(operation.getResponses().get(status).getContent().get("application/problem+json")
                .getExamples().keySet());
    }

    private static HandlerMethod handler(String name) throws NoSuchMethodException {
        return new HandlerMethod(new Handlers(), Handlers.class.getDeclaredMethod(name));
    }

    @RequestMapping("/api/v1")
    static class Handlers {

        @PostMapping("/bookings/reserve")
        @ProblemAnswer(status = 409, codes = {ErrorCode.SEATS_UNAVAILABLE, ErrorCode.TICKET_LIMIT_EXCEEDED},
                when = "a seat is taken, or the fan would pass the limit")
        void reserve() {
        }

        @GetMapping("/events/{event_id}")
        @ProblemAnswer(status = 404, codes = ErrorCode.EVENT_NOT_FOUND, when = "no such event")
        void read() {
        }

        @GetMapping("/admin/events/{event_id}/sales")
        void sales() {
        }

        @PostMapping("/admin/events/{event_id}/check-ins")
        @RequiredRoles({"admin", "scanner"})
        void checkIn() {
        }
    }
}
