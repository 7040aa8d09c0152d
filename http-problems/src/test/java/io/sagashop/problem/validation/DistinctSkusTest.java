package io.sagashop.problem.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import io.sagashop.problem.InvalidField;
import io.sagashop.problem.InvalidFields;
import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;

class DistinctSkusTest {

    private static final ValidatorFactory validation = Validation.buildDefaultValidatorFactory();

    private static final String REPEATS = "repeats the SKU of an earlier line; put the whole quantity on one line";

    record Line(String sku, int quantity) implements DistinctSkus.Line {
    }

    record Order(@DistinctSkus List<Line> lines) {
    }

    @AfterAll
    static void close() {
        validation.close();
    }

    @Test
    void namesEachLineThatRepeatsAnEarlierSku() {
        var order = new Order(List.of(new Line("COF-1", 1), new Line("TEA-1", 1), new Line("COF-1", 2),
                new Line("TEA-1", 3), new Line("COF-1", 1)));

        assertThat(violations(order)).containsExactlyInAnyOrder(new InvalidField("lines[2].sku", REPEATS),
                new InvalidField("lines[3].sku", REPEATS), new InvalidField("lines[4].sku", REPEATS));
    }

    @Test
    void acceptsDistinctSkusAndLeavesMissingOnesToOtherRules() {
        assertThat(violations(new Order(List.of(new Line("COF-1", 1), new Line("TEA-1", 2))))).isEmpty();
        assertThat(violations(new Order(Arrays.asList(new Line(null, 1), null, new Line(null, 2))))).isEmpty();
        assertThat(violations(new Order(null))).isEmpty();
    }

    private static List<InvalidField> violations(Order order) {
        return validation.getValidator().validate(order).stream().map(InvalidFields::of).toList();
    }

}
