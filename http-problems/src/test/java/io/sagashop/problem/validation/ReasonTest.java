package io.sagashop.problem.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.sagashop.problem.InvalidField;
import io.sagashop.problem.InvalidFields;
import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;

/**
 * A reason fits the order service's columns: 500 characters, no control characters but
 * tab and line breaks.
 */
class ReasonTest {

    private static final ValidatorFactory validation = Validation.buildDefaultValidatorFactory();

    record Cancellation(@Reason String reason) {
    }

    @AfterAll
    static void close() {
        validation.close();
    }

    @ParameterizedTest(name = "U+{0}")
    @ValueSource(strings = { "0000", "0007", "000B", "001B", "007F", "0085", "009F" })
    void refusesAControlCharacter(String codePoint) {
        String reason = "Found it" + (char) Integer.parseInt(codePoint, 16) + " cheaper";

        assertThat(violations(reason)).containsExactly(
                new InvalidField("reason", "must not contain control characters other than tab and line breaks"));
    }

    @ParameterizedTest(name = "{0} characters")
    @CsvSource({ "501", "5000" })
    void refusesMoreThan500Characters(int length) {
        assertThat(violations("x".repeat(length)))
            .containsExactly(new InvalidField("reason", "must be at most 500 characters"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "Found it cheaper", "Two lines:\nfirst\r\nsecond", "Tab\tseparated", "Ünïcödé ✓ 😀", "" })
    void acceptsPrintableTextWithTabsAndLineBreaks(String reason) {
        assertThat(violations(reason)).isEmpty();
        assertThat(violations("x".repeat(Reason.MAX_LENGTH))).isEmpty();
        assertThat(violations(null)).isEmpty();
    }

    private static List<InvalidField> violations(String reason) {
        return validation.getValidator().validate(new Cancellation(reason)).stream().map(InvalidFields::of).toList();
    }

}
