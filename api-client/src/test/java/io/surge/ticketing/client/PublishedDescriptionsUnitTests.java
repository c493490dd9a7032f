package io.surge.ticketing.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;

/**
 * The published descriptions in {@code docs/api} (what the gateway serves; a system test keeps them equal to it)
 * are valid OpenAPI with every reference resolved, and describe the API as a client developer needs it.
 */
class PublishedDescriptionsUnitTests {

    private static final Path DOCS = Path.of(System.getProperty("api.docs", "../docs/api"));
    private static final Pattern TEMPLATE = Pattern.compile("\\{([^}]+)}");
    private static final List<String> IDENTITY_HEADERS = List.of("x-user-id", "x-user-roles", "x-service-credential",
            "x-admission-token");

    static Stream<Path> documents() throws IOException {
        try (Stream<Path> files = Files.list(DOCS)) {
            List<Path> documents = files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
            assertThat(documents).hasSize(6);
            return documents.stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("documents")
    void isValidWithEveryReferenceResolved(Path document) {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult result = new OpenAPIParser().readLocation(document.toUri().toString(), null, options);

        assertThat(result.getMessages()).as("swagger-parser messages").isEmpty();
        assertThat(result.getOpenAPI()).isNotNull();
        String text = read(document);
        Matcher refs = Pattern.compile("\"\\$ref\"\\s*:\\s*\"#/components/([a-zA-Z]+)/([^\"]+)\"").matcher(text);
        OpenAPI api = result.getOpenAPI();
        while (refs.find()) {
            Map<String, ?> section = switch (refs.group(1)) {
                case "schemas" -> api.getComponents().getSchemas();
                case "securitySchemes" -> api.getComponents().getSecuritySchemes();
                default -> Map.of();
            };
            assertThat(section).as("reference %s", refs.group()).containsKey(refs.group(2));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("documents")
    void namesItselfItsServerAndItsCredentials(Path document) {
        OpenAPI api = parse(document);

        assertThat(api.getInfo().getTitle()).startsWith("Ticketing API").doesNotContain("OpenAPI definition");
        assertThat(api.getInfo().getDescription()).isNotBlank();
        assertThat(api.getInfo().getVersion()).isEqualTo("v1");
        assertThat(api.getServers()).singleElement()
                .satisfies(server -> assertThat(server.getUrl()).as("relative: the gateway's own origin").isEqualTo("/"));
        assertThat(api.getComponents().getSecuritySchemes()).containsKeys("bearer", "admission");
        assertThat(api.getComponents().getSecuritySchemes().get("admission").getName()).isEqualTo("X-Admission-Token");
        assertThat(api.getComponents().getSchemas()).containsKey("Problem");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("documents")
    void everyOperationIsNamedTypedAndListsItsRefusalsAsProblems(Path document) {
        List<String> findings = new ArrayList<>();
        forEachOperation(parse(document), (where, operation) -> {
            if (operation.getOperationId() == null || operation.getOperationId().isBlank()) {
                findings.add(where + ": no operationId");
            }
            if (operation.getTags() == null || operation.getTags().isEmpty() || operation.getSummary() == null) {
                findings.add(where + ": no tag or summary");
            }
            if (operation.getParameters() != null) {
                operation.getParameters().stream()
                        .filter(p -> "header".equals(p.getIn()) && IDENTITY_HEADERS.contains(p.getName().toLowerCase()))
                        .forEach(p -> findings.add(where + ": " + p.getName() + " is set by the gateway, not the client"));
            }
            boolean refusals = false;
            for (Map.Entry<String, ApiResponse> answer : operation.getResponses().entrySet()) {
                Map<String, MediaType> content = answer.getValue().getContent();
                if (answer.getKey().startsWith("4") || answer.getKey().startsWith("5")) {
                    refusals = true;
                    MediaType problem = content == null ? null : content.get("application/problem+json");
                    if (problem == null || !"#/components/schemas/Problem".equals(problem.getSchema().get$ref())
                            || problem.getExamples() == null || problem.getExamples().isEmpty()) {
                        findings.add(where + " " + answer.getKey() + ": not a problem+json answer with examples");
                    }
                } else if (answer.getKey().startsWith("2") && content != null && content.containsKey("application/json")) {
                    Schema<?> schema = content.get("application/json").getSchema();
                    if (schema == null || (schema.get$ref() == null && schema.getItems() == null
                            && (schema.getProperties() == null || schema.getProperties().isEmpty()))) {
                        findings.add(where + " " + answer.getKey() + ": untyped answer");
                    }
                }
            }
            if (!refusals) {
                findings.add(where + ": no refusal documented");
            }
        });
        assertThat(findings).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("documents")
    void pathParametersAreNamedAsInTheContractAndAdminOperationsSaySo(Path document) {
        List<String> findings = new ArrayList<>();
        OpenAPI api = parse(document);
        api.getPaths().forEach((path, item) -> {
            Matcher template = TEMPLATE.matcher(path);
            while (template.find()) {
                if (!List.of("event_id", "booking_id", "ticket_id").contains(template.group(1))) {
                    findings.add(path + ": {" + template.group(1) + "} is not a name of API.md");
                }
            }
        });
        forEachOperation(api, (where, operation) -> {
            if (where.contains(" /api/v1/admin/") && (operation.getExtensions() == null
                    || !operation.getExtensions().containsKey("x-roles") || operation.getSecurity() == null)) {
                findings.add(where + ": an admin operation that does not name its roles and credential");
            }
        });
        assertThat(api.getPaths().keySet()).noneMatch(path -> path.startsWith("/internal"));
        assertThat(findings).isEmpty();
    }

    private static void forEachOperation(OpenAPI api, BiConsumer<String, Operation> check) {
        api.getPaths().forEach((path, item) -> item.readOperationsMap()
                .forEach((method, operation) -> check.accept(method + " " + path, operation)));
    }

    private static OpenAPI parse(Path document) {
        ParseOptions options = new ParseOptions();
        options.setResolve(false);
        return new OpenAPIParser().readLocation(document.toUri().toString(), null, options).getOpenAPI();
    }

    private static String read(Path document) {
        try {
            return Files.readString(document);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

}
