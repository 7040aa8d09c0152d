package io.sagashop.problem.openapi;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.core.converter.ModelConverterContext;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.media.JsonSchema;
import io.swagger.v3.oas.models.media.Schema;

/**
 * The schema of a record as its components declare it: a component typed
 * {@code @Nullable} (JSpecify) may be {@code null}, which OpenAPI 3.1 says with the type
 * {@code null} beside the component's own, and its constraints are stated as
 * {@link DeclaredConstraints} words them. Without it, swagger-core documents
 * {@code "totalCents": null} of a pending order as a lie: an integer that is always
 * there.
 */
public class RecordSchemas implements ModelConverter {

    private static final String NULL = "null";

    private static final String COMPONENTS = "#/components/schemas/";

    @Override
    public Schema resolve(AnnotatedType type, ModelConverterContext context, Iterator<ModelConverter> chain) {
        if (!chain.hasNext()) {
            return null;
        }
        Schema resolved = chain.next().resolve(type, context, chain);
        Class<?> raw = Json.mapper().constructType(type.getType()).getRawClass();
        if (resolved == null || raw == null || !raw.isRecord()) {
            return resolved;
        }
        Schema model = modelOf(resolved, context.getDefinedModels());
        if (model != null && model.getProperties() != null) {
            describe(raw, model);
        }
        return resolved;
    }

    private static Schema modelOf(Schema resolved, Map<String, Schema> defined) {
        String ref = resolved.get$ref();
        if (ref == null) {
            return resolved;
        }
        return defined.get(ref.startsWith(COMPONENTS) ? ref.substring(COMPONENTS.length()) : ref);
    }

    @SuppressWarnings("unchecked")
    private static void describe(Class<?> record, Schema model) {
        Map<String, Schema> properties = model.getProperties();
        for (RecordComponent component : record.getRecordComponents()) {
            Schema property = properties.get(component.getName());
            if (property == null) {
                continue;
            }
            DeclaredConstraints.apply(property, component.getAnnotations());
            DeclaredConstraints.apply(property, component.getAnnotatedType().getAnnotations());
            if (component.getAnnotatedType().isAnnotationPresent(Nullable.class)) {
                properties.put(component.getName(), orNull(property));
            }
        }
    }

    /** Idempotent: the same record is resolved each time a schema refers to it. */
    private static Schema orNull(Schema property) {
        if (property.get$ref() != null || property.getEnum() != null) {
            if (property.getAnyOf() != null) {
                return property;
            }
            Schema nullType = new JsonSchema();
            nullType.setTypes(new LinkedHashSet<>(Set.of(NULL)));
            Schema either = new JsonSchema();
            either.setAnyOf(new ArrayList<>(List.of(property, nullType)));
            return either;
        }
        Set<String> types = property.getTypes() != null ? new LinkedHashSet<>(property.getTypes())
                : new LinkedHashSet<>();
        if (types.isEmpty() && property.getType() != null) {
            types.add(property.getType());
        }
        types.add(NULL);
        property.setTypes(types);
        return property;
    }

}
