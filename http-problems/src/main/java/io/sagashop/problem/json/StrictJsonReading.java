package io.sagashop.problem.json;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;

import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.type.LogicalType;

/**
 * How every Saga Shop API reads a JSON body, registered by the gateway and by
 * service-support so that no API is more lenient than another. A property the request
 * does not define ({@code "isAdmin"}, a client's {@code "price"}) is refused rather than
 * silently dropped. A value arrives in the type the contract gives it or the request is
 * refused: {@code "2"} is no quantity, {@code 123} no SKU, {@code 2.9} no whole number,
 * {@code 0} no enum constant. A property given twice is refused rather than letting the
 * last one win, since the reader and whoever checked the body upstream could otherwise
 * each see a different value.
 */
public final class StrictJsonReading implements JsonMapperBuilderCustomizer {

    @Override
    public void customize(JsonMapper.Builder builder) {
        builder.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .enable(EnumFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
            // Disabling scalar coercion covers strings read as numbers or booleans, not
            // the other way round.
            .withCoercionConfig(LogicalType.Textual,
                    textual -> textual.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail));
    }

}
