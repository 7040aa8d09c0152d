package io.sagashop.gateway.openapi;

import java.lang.reflect.RecordComponent;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JavaType;
import io.sagashop.contracts.order.SagaState;
import io.sagashop.contracts.order.SagaStepState;
import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.core.converter.ModelConverterContext;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.media.Schema;

/**
 * Marks the properties of the API's records that may be null as nullable (OpenAPI 3.1: a
 * type that includes {@code null}), so a generated client and a fuzzer checking answers
 * against the description expect them. A gateway record says so with {@code @Nullable} on
 * the component; the contract's records, which the workflow fills and carry no such
 * annotation, are listed here.
 */
@Component
class NullableProperties implements ModelConverter {

    private static final Map<Class<?>, Set<String>> CONTRACT_NULLABLES = Map.of(SagaState.class,
            Set.of("currency", "cancelReason", "failureType", "approvalDeadline"), SagaStepState.class,
            Set.of("lastFailure"));

    @Override
    public Schema resolve(AnnotatedType type, ModelConverterContext context, Iterator<ModelConverter> chain) {
        if (!chain.hasNext()) {
            return null;
        }
        Schema resolved = chain.next().resolve(type, context, chain);
        JavaType javaType = Json.mapper().constructType(type.getType());
        Class<?> raw = javaType == null ? null : javaType.getRawClass();
        if (resolved == null || raw == null || !raw.isRecord()) {
            return resolved;
        }
        Schema model = resolved.get$ref() == null ? resolved
                : context.getDefinedModels().get(resolved.get$ref().substring(resolved.get$ref().lastIndexOf('/') + 1));
        if (model == null || model.getProperties() == null) {
            return resolved;
        }
        for (String name : nullables(raw)) {
            Object property = model.getProperties().get(name);
            if (property instanceof Schema<?> schema) {
                markNullable(schema);
            }
        }
        return resolved;
    }

    private static Set<String> nullables(Class<?> record) {
        Set<String> names = new HashSet<>(CONTRACT_NULLABLES.getOrDefault(record, Set.of()));
        for (RecordComponent component : record.getRecordComponents()) {
            if (component.getAnnotatedType().isAnnotationPresent(Nullable.class)) {
                names.add(component.getName());
            }
        }
        return names;
    }

    @SuppressWarnings({ "rawtypes", "unchecked" })
    private static void markNullable(Schema schema) {
        Set<String> types = schema.getTypes() == null ? new HashSet<>() : new HashSet<>(schema.getTypes());
        if (schema.getType() != null) {
            types.add(schema.getType());
        }
        if (types.isEmpty()) {
            // A reference or a schema without a type: null is one more choice.
            return;
        }
        types.add("null");
        schema.setTypes(types);
    }

}
