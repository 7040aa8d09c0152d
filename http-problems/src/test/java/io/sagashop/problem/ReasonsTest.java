package io.sagashop.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ReasonsTest {

    enum Colour {

        RED, GREEN

    }

    record Line(String sku) {
    }

    static List<Arguments> types() {
        return List.of(Arguments.of(int.class, "must be a whole number"),
                Arguments.of(Integer.class, "must be a whole number"),
                Arguments.of(long.class, "must be a whole number"), Arguments.of(Long.class, "must be a whole number"),
                Arguments.of(BigInteger.class, "must be a whole number"),
                Arguments.of(BigDecimal.class, "must be a number"), Arguments.of(double.class, "must be a number"),
                Arguments.of(boolean.class, "must be a boolean"), Arguments.of(String.class, "must be a string"),
                Arguments.of(List.class, "must be an array"), Arguments.of(String[].class, "must be an array"),
                Arguments.of(UUID.class, "must be a UUID"), Arguments.of(Colour.class, "must be one of [RED, GREEN]"),
                Arguments.of(Line.class, "must be an object"), Arguments.of(Map.class, "must be an object"),
                Arguments.of(Instant.class, "must be a valid Instant"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("types")
    void saysWhatAValueMustBeInTheRequestsTerms(Class<?> type, String reason) {
        assertThat(Reasons.mustBe(type)).isEqualTo(reason);
    }

}
