package io.sagashop.problem.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.sagashop.problem.InvalidField;
import io.sagashop.problem.InvalidFields;
import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.PositiveOrZero;

/**
 * The SKU rule and the standard constraints say the same words in the gateway and in
 * every service, whatever module declares them.
 */
class SkuAndStandardMessagesTest {

    private static final String SKU_RULE = "must be 3 to 32 upper-case letters and digits in groups joined by single "
            + "hyphens, like COF-ESPRESSO-250";

    private static final ValidatorFactory validation = Validation.buildDefaultValidatorFactory();

    record Line(@Sku String sku, @Min(1) @Max(100) Integer quantity, @PositiveOrZero Integer stock) {
    }

    @AfterAll
    static void close() {
        validation.close();
    }

    @ParameterizedTest
    @ValueSource(strings = { "cof-espresso", "CO", "COF--250", "-COF", "COF-", "COF 250",
            "A234567890123456789012345678901234" })
    void refusesWhatCannotNameAProduct(String sku) {
        assertThat(violations(new Line(sku, 1, 0))).containsExactly(new InvalidField("sku", SKU_RULE));
    }

    @ParameterizedTest
    @ValueSource(strings = { "COF-ESPRESSO-250", "ABC", "HIKE-MAP-ALPS", "A1-B2-C3" })
    void acceptsASku(String sku) {
        assertThat(violations(new Line(sku, 1, 0))).isEmpty();
    }

    @Test
    void wordsTheBoundsOfANumberAlike() {
        assertThat(violations(new Line("COF-1", 0, -1))).containsExactlyInAnyOrder(
                new InvalidField("quantity", "must be at least 1"), new InvalidField("stock", "must be 0 or more"));
        assertThat(violations(new Line("COF-1", 101, 0)))
            .containsExactly(new InvalidField("quantity", "must be at most 100"));
    }

    private static List<InvalidField> violations(Line line) {
        return validation.getValidator().validate(line).stream().map(InvalidFields::of).toList();
    }

}
