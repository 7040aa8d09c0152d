package io.sagashop.problem.openapi;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springframework.http.MediaType;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.JsonSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;

/**
 * The error contract in an OpenAPI description: one {@value #PROBLEM} schema (RFC 9457
 * with the {@code errors} of bad input), the answers every operation can give added to
 * each, and every error answer, also the ones a controller declares, sent as
 * {@code application/problem+json} with that schema. A controller then declares only what
 * is its own (a 404, a 409, a 422) with a description, and never the body of an error.
 */
public class ProblemResponses implements GlobalOpenApiCustomizer {

    public static final String PROBLEM = "Problem";

    public static final String INVALID_FIELD = "InvalidField";

    private static final String PROBLEM_REF = "#/components/schemas/" + PROBLEM;

    private final Map<String, String> everyOperation;

    private final Map<String, String> withBody;

    /**
     * @param everyOperation status and description of the answers any operation can give
     * @param withBody those that only an operation taking a request body can give
     */
    public ProblemResponses(Map<String, String> everyOperation, Map<String, String> withBody) {
        this.everyOperation = new LinkedHashMap<>(everyOperation);
        this.withBody = new LinkedHashMap<>(withBody);
    }

    @Override
    public void customise(OpenAPI openApi) {
        if (openApi.getComponents() == null) {
            openApi.components(new Components());
        }
        openApi.getComponents().addSchemas(PROBLEM, problemSchema()).addSchemas(INVALID_FIELD, invalidFieldSchema());
        if (openApi.getPaths() == null) {
            return;
        }
        openApi.getPaths().values().forEach(path -> path.readOperations().forEach(this::describeErrors));
    }

    private void describeErrors(Operation operation) {
        if (operation.getResponses() == null) {
            operation.responses(new ApiResponses());
        }
        ApiResponses responses = operation.getResponses();
        everyOperation.forEach((status, description) -> addIfAbsent(responses, status, description));
        if (operation.getRequestBody() != null) {
            withBody.forEach((status, description) -> addIfAbsent(responses, status, description));
        }
        responses.forEach((status, response) -> {
            if (isError(status)) {
                response.content(problemContent());
            }
        });
        ApiResponses sorted = new ApiResponses();
        new TreeMap<>(responses).forEach(sorted::addApiResponse);
        operation.responses(sorted);
    }

    private static void addIfAbsent(ApiResponses responses, String status, String description) {
        if (!responses.containsKey(status)) {
            responses.addApiResponse(status, new ApiResponse().description(description));
        }
    }

    private static boolean isError(String status) {
        return status.length() == 3 && (status.charAt(0) == '4' || status.charAt(0) == '5');
    }

    private static Content problemContent() {
        return new Content().addMediaType(MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                new io.swagger.v3.oas.models.media.MediaType().schema(new JsonSchema().$ref(PROBLEM_REF)));
    }

    private static Schema<?> problemSchema() {
        return object()
            .description("An RFC 9457 problem. Clients branch on type; extension members such as "
                    + "customerId or declineCode name what the problem is about.")
            .addProperty("type",
                    typed("string").description(
                            "Stable: urn:sagashop:problem:<slug>, e.g. urn:sagashop:problem:" + "out-of-stock"))
            .addProperty("title", typed("string").description("The type in words"))
            .addProperty("status", typed("integer").minimum(BigDecimal.valueOf(400)).maximum(BigDecimal.valueOf(599)))
            .addProperty("detail", typed("string", "null").description("What happened, for people"))
            .addProperty("instance", typed("string").description("The path of the request it answers"))
            .addProperty("errors",
                    typed("array").description("Each rejected input of a bad request")
                        .items(new JsonSchema().$ref("#/components/schemas/" + INVALID_FIELD)))
            .required(List.of("type", "title", "status"));
    }

    private static Schema<?> invalidFieldSchema() {
        return object().description("One rejected input")
            .addProperty("field",
                    typed("string").description("The JSON path (lines[0].quantity), header or parameter, "
                            + "or body for a body that cannot be read"))
            .addProperty("reason", typed("string").description("Reads after the field: must be at least 1"))
            .required(List.of("field", "reason"));
    }

    private static Schema<?> object() {
        return typed("object");
    }

    private static Schema<?> typed(String... types) {
        Schema<?> schema = new JsonSchema();
        schema.setTypes(new LinkedHashSet<>(List.of(types)));
        return schema;
    }

}
