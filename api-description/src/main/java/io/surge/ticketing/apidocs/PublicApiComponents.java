package io.surge.ticketing.apidocs;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springdoc.core.customizers.GlobalOpenApiCustomizer;

import io.surge.ticketing.contracts.ErrorCode;
import io.surge.ticketing.contracts.web.Headers;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.BooleanSchema;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.security.SecurityScheme;

/**
 * What every service's description shares: the two credentials a fan's app sends (the bearer JWT and the waiting
 * room's admission token) and the problem+json body of every refusal.
 */
public class PublicApiComponents implements GlobalOpenApiCustomizer {

    public static final String BEARER = "bearer";
    public static final String ADMISSION = "admission";
    public static final String PROBLEM = "Problem";
    public static final String PROBLEM_JSON = "application/problem+json";

    @Override
    public void customise(OpenAPI openApi) {
        Components components = openApi.getComponents() == null ? new Components() : openApi.getComponents();
        openApi.setComponents(components);
        components.addSecuritySchemes(BEARER, new SecurityScheme()
                .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")
                .description("An access token of the identity provider, RS256-signed, naming this API in `aud`. "
                        + "On the local stack `POST /api/v1/auth/token` issues one. Admin operations need the role "
                        + "`admin`; door scans `admin` or `scanner`."));
        components.addSecuritySchemes(ADMISSION, new SecurityScheme()
                .type(SecurityScheme.Type.APIKEY).in(SecurityScheme.In.HEADER).name(Headers.ADMISSION_TOKEN)
                .description("The admission token the waiting room hands a fan when admitted "
                        + "(`GET /api/v1/waiting-room/{event_id}/status` answers `ADMITTED` with it). It names one "
                        + "fan and one event and expires; reserving, paying and cancelling a hold need it."));
        components.addSchemas(PROBLEM, problemSchema());
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    static Schema<?> problemSchema() {
        Schema error = new ObjectSchema()
                .addProperty("field", new StringSchema().description("the body member or parameter, as sent"))
                .addProperty("message", new StringSchema().description("what is wrong with it"));
        Schema problem = new ObjectSchema()
                .description("An RFC 9457 problem. Clients switch on `code`, which never changes meaning; `title` and "
                        + "`detail` are for people. Some refusals add members (e.g. `errors`, `checked_in_at`).")
                .addProperty("type", new StringSchema().format("uri")
                        .example("https://ticketing.surge.io/problems/seats-unavailable"))
                .addProperty("title", new StringSchema().example("Conflict"))
                .addProperty("status", new IntegerSchema().example(409))
                .addProperty("detail", new StringSchema().example("one or more seats are no longer available"))
                .addProperty("instance", new StringSchema().format("uri-reference"))
                .addProperty("code", new StringSchema()._enum(Arrays.stream(ErrorCode.values()).map(Enum::name).toList())
                        .description("the stable, machine-readable reason"))
                .addProperty("errors", new ArraySchema().items(error)
                        .description("with VALIDATION_FAILED: each invalid member or parameter"))
                // members some refusals add, named here so that a typed client reads them
                .addProperty("unavailable_ticket_ids", new ArraySchema().items(new IntegerSchema().format("int64"))
                        .description("with SEATS_UNAVAILABLE: the seats asked for that are taken"))
                .addProperty("invalid_ticket_ids", new ArraySchema().items(new IntegerSchema().format("int64"))
                        .description("seats asked for that are not seats of the event"))
                .addProperty("sold_out", new BooleanSchema()
                        .description("with SEATS_UNAVAILABLE: the section has too few seats left; nothing was held"))
                .addProperty("booking_id", new StringSchema().format("uuid").description("the booking concerned"))
                .addProperty("booking_status", new StringSchema()
                        .description("with BOOKING_NOT_CONFIRMED: where the booking stands"))
                .addProperty("max_tickets_per_user", new IntegerSchema()
                        .description("with TICKET_LIMIT_EXCEEDED: the event's limit per fan"))
                .addProperty("on_sale_at", new StringSchema().format("date-time")
                        .description("with EVENT_NOT_ON_SALE: when the sale opens"))
                .addProperty("starts_at", new StringSchema().format("date-time")
                        .description("with SALE_CLOSED: when the show started"))
                .addProperty("ticket_id", new IntegerSchema().format("int64").description("the ticket concerned"))
                .addProperty("checked_in_at", new StringSchema().format("date-time")
                        .description("with ALREADY_CHECKED_IN: when the ticket was first checked in"))
                .addProperty("retry_after_seconds", new IntegerSchema()
                        .description("when to retry, as the Retry-After header says"))
                .additionalProperties(true);
        problem.setRequired(List.of("type", "title", "status", "code"));
        return problem;
    }

    static Map<String, Object> example(int status, String title, ErrorCode code, String detail) {
        Map<String, Object> example = new LinkedHashMap<>();
        example.put("type", "https://ticketing.surge.io/problems/" + code.name().toLowerCase(Locale.ROOT).replace('_', '-'));
        example.put("title", title);
        example.put("status", status);
        example.put("code", code.name());
        example.put("detail", detail);
        return example;
    }
}
