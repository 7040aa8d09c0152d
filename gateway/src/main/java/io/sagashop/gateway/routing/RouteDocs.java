package io.sagashop.gateway.routing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;

import io.sagashop.gateway.problem.ProblemDocs;
import io.sagashop.problem.validation.Sku;
import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.PathParameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;

/**
 * The routes of {@code application.yml} in the API description: springdoc sees only the
 * gateway's controllers, while a route's answers are the service's. Each operation names
 * the service's statuses, the gateway's own refusals and limits ({@link ProblemDocs}),
 * and a 503 or 504 when the service is down or slow; its bodies are typed by records that
 * mirror the service's, as the gateway's {@code OrderView} does. A route added to the
 * configuration is added here too.
 */
@Configuration(proxyBeanMethods = false)
class RouteDocs {

    private static final String JSON = org.springframework.http.MediaType.APPLICATION_JSON_VALUE;

    @Bean
    OpenApiCustomizer routeOperations() {
        return openApi -> {
            if (openApi.getComponents() == null) {
                openApi.components(new Components());
            }
            Map<String, Schema> schemas = new java.util.LinkedHashMap<>();
            for (Class<?> type : List.of(ProductView.class, RestockRequest.class, RestockView.class,
                    ProcessorFaults.class)) {
                schemas.putAll(ModelConverters.getInstance(true).read(new AnnotatedType(type)));
            }
            schemas.forEach(openApi.getComponents()::addSchemas);
            catalog(openApi);
            restocks(openApi);
            processorFaults(openApi);
        };
    }

    private static void catalog(OpenAPI openApi) {
        openApi.path("/api/products", new PathItem().get(routed(
                operation("products", "The catalog, sorted by SKU; from inventory-service").responses(new ApiResponses()
                    .addApiResponse("200", json("The products", new ArraySchema().items(ref(ProductView.class))))),
                HttpStatus.FORBIDDEN)));
        Operation product = operation("products", "One product with its price and stock; from inventory-service")
            .addParametersItem(sku())
            .responses(new ApiResponses().addApiResponse("200", json("The product", ref(ProductView.class))));
        openApi.path("/api/products/{sku}",
                new PathItem().get(routed(product, HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND)));
    }

    private static void restocks(OpenAPI openApi) {
        Operation restock = operation("operator",
                "Operators only: add delivered units to a product's stock; repeating the request with the same "
                        + "Idempotency-Key changes nothing again")
            .description("Needs the role OPERATOR (403 otherwise); routed to inventory-service's "
                    + "POST /api/products/{sku}/restocks. 201 for a new restock, 200 with the same restock for a "
                    + "repeat, 409 when the key restocked another product or quantity, 422 when the stock would "
                    + "exceed its limit")
            .addParametersItem(sku())
            .addParametersItem(new HeaderParameter().name("Idempotency-Key")
                .required(true)
                .description("One key per delivery, 1 to 100 characters")
                .schema(new StringSchema().minLength(1).maxLength(100)))
            .requestBody(body(RestockRequest.class))
            .responses(new ApiResponses()
                .addApiResponse("200", json("A repeat: the restock first recorded", ref(RestockView.class)))
                .addApiResponse("201", json("Restocked", ref(RestockView.class))));
        openApi.path("/api/operator/products/{sku}/restocks", new PathItem().post(routed(restock, HttpStatus.FORBIDDEN,
                HttpStatus.NOT_FOUND, HttpStatus.CONFLICT, HttpStatus.UNPROCESSABLE_CONTENT)));
    }

    private static void processorFaults(OpenAPI openApi) {
        String routedTo = "Needs the role OPERATOR (403 otherwise); routed to payment-service";
        Operation current = operation("operator", "Operators only: the faults injected into the simulated processor")
            .description(routedTo)
            .responses(new ApiResponses().addApiResponse("200", json("The faults", ref(ProcessorFaults.class))));
        Operation replace = operation("operator",
                "Operators only: make the next charges fail with 503 and/or delay every processor call")
            .description(routedTo)
            .requestBody(body(ProcessorFaults.class))
            .responses(new ApiResponses().addApiResponse("200", json("The faults now", ref(ProcessorFaults.class))));
        Operation clear = operation("operator", "Operators only: clear every injected fault").description(routedTo)
            .responses(new ApiResponses().addApiResponse("204", new ApiResponse().description("Cleared")));
        openApi.path("/api/operator/processor-faults",
                new PathItem().get(routed(current, HttpStatus.FORBIDDEN))
                    .put(routed(replace, HttpStatus.FORBIDDEN))
                    .delete(routed(clear, HttpStatus.FORBIDDEN)));
    }

    private static Operation operation(String tag, String summary) {
        return new Operation().addTagsItem(tag)
            .summary(summary)
            .addSecurityItem(new SecurityRequirement().addList("bearer"))
            .addSecurityItem(new SecurityRequirement().addList("session"));
    }

    /**
     * The service's own statuses, the gateway's refusals and limits, and 503 or 504 when
     * the service is down or does not answer in time.
     */
    private static Operation routed(Operation operation, HttpStatus... ownStatuses) {
        ProblemDocs.addCommon(operation);
        List<HttpStatus> statuses = new ArrayList<>(List.of(ownStatuses));
        statuses.add(HttpStatus.SERVICE_UNAVAILABLE);
        statuses.add(HttpStatus.GATEWAY_TIMEOUT);
        ProblemDocs.add(operation, statuses.toArray(HttpStatus[]::new));
        return operation;
    }

    private static Parameter sku() {
        return new PathParameter().name("sku")
            .required(true)
            .description("Like COF-ESPRESSO-250")
            .schema(new StringSchema().minLength(3).maxLength(32).pattern(Sku.PATTERN));
    }

    private static RequestBody body(Class<?> type) {
        return new RequestBody().required(true)
            .content(new Content().addMediaType(JSON, new MediaType().schema(ref(type))));
    }

    private static ApiResponse json(String description, Schema<?> schema) {
        return new ApiResponse().description(description)
            .content(new Content().addMediaType(JSON, new MediaType().schema(schema)));
    }

    private static Schema<?> ref(Class<?> type) {
        return new Schema<>().$ref("#/components/schemas/" + type.getSimpleName());
    }

}
