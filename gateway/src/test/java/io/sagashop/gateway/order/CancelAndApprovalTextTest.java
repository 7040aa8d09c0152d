package io.sagashop.gateway.order;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;

/**
 * Free text that reaches PostgreSQL and the run's history holds no control characters but
 * tab and line breaks.
 */
class CancelAndApprovalTextTest {

    private static final ValidatorFactory validation = Validation.buildDefaultValidatorFactory();

    @AfterAll
    static void close() {
        validation.close();
    }

    static Stream<Arguments> controlCharacters() {
        return Stream.of(Arguments.of("NUL", "a\u0000b"), Arguments.of("bell", "a\u0007b"),
                Arguments.of("escape", "a\u001b[2Jb"), Arguments.of("delete", "a\u007fb"),
                Arguments.of("C1 control", "a\u0085b"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("controlCharacters")
    void refusesAControlCharacterInACancelReasonOrAnApprovalComment(String name, String text) {
        assertThat(violations(new CancelRequest(text))).extracting(CancelAndApprovalTextTest::describe)
            .containsExactly("reason must not contain control characters other than tab and line breaks");
        assertThat(violations(new ApprovalRequest(text))).extracting(CancelAndApprovalTextTest::describe)
            .containsExactly("comment must not contain control characters other than tab and line breaks");
    }

    @ParameterizedTest
    @ValueSource(strings = { "Found it cheaper", "Two lines:\nfirst\r\nsecond", "Tab\tseparated", "Ünïcödé ✓ 😀", "" })
    void acceptsPrintableTextWithTabsAndLineBreaks(String text) {
        assertThat(violations(new CancelRequest(text))).isEmpty();
        assertThat(violations(new ApprovalRequest(text))).isEmpty();
    }

    private static <T> Set<ConstraintViolation<T>> violations(T request) {
        return validation.getValidator().validate(request);
    }

    private static String describe(ConstraintViolation<?> violation) {
        return violation.getPropertyPath() + " " + violation.getMessage();
    }

}
