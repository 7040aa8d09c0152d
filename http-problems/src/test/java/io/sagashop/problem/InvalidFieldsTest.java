package io.sagashop.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import jakarta.validation.Valid;
import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/** A violation is named as the client wrote the request, never by Java's names. */
class InvalidFieldsTest {

    private static final ValidatorFactory validation = Validation.buildDefaultValidatorFactory();

    record Line(@NotBlank(message = "is required") String sku) {
    }

    record Basket(List<@NotNull(message = "is required") @Valid Line> lines) {
    }

    static class Baskets {

        void restock(@Min(value = 1, message = "must be at least 1") int count, @Valid Basket basket) {
        }

    }

    @AfterAll
    static void close() {
        validation.close();
    }

    @Test
    void namesAPropertyByItsJsonPath() {
        var basket = new Basket(java.util.Arrays.asList(new Line("A"), null, new Line(" ")));

        assertThat(validation.getValidator().validate(basket)).map(InvalidFields::of)
            .containsExactlyInAnyOrder(new InvalidField("lines[1]", "is required"),
                    new InvalidField("lines[2].sku", "is required"));
    }

    @Test
    void namesAMethodParameterByItsNameAndABeanParameterByItsProperties() throws Exception {
        Method restock = Baskets.class.getDeclaredMethod("restock", int.class, Basket.class);

        assertThat(validation.getValidator()
            .forExecutables()
            .validateParameters(new Baskets(), restock, new Object[] { 0, new Basket(List.of(new Line(""))) }))
            .map(InvalidFields::of)
            .containsExactlyInAnyOrder(new InvalidField("count", "must be at least 1"),
                    new InvalidField("lines[0].sku", "is required"));
    }

}
