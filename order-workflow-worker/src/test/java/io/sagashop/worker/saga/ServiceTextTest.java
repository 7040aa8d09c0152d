package io.sagashop.worker.saga;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.sagashop.problem.validation.Reason;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;

/**
 * Whatever a failure says, the reason the saga sends passes the order service's own rule
 * ({@link Reason}), so a compensation never retries for ever on a 400.
 */
class ServiceTextTest {

    private static final ValidatorFactory validation = Validation.buildDefaultValidatorFactory();

    record Cancellation(@Reason String reason) {
    }

    @AfterAll
    static void close() {
        validation.close();
    }

    @ParameterizedTest(name = "U+{0}")
    @ValueSource(strings = { "0000", "0007", "001B", "007F", "0085", "009F", "D800" })
    void dropsWhatTheOrderServiceRefuses(String codePoint) {
        String reason = ServiceText.storable("Provider said" + (char) Integer.parseInt(codePoint, 16) + " no");

        assertThat(reason).isEqualTo("Provider said no");
        assertThat(violations(reason)).isEmpty();
    }

    @ParameterizedTest(name = "{0} characters")
    @ValueSource(ints = { 500, 501, 5000 })
    void shortensToTheLengthTheOrderServiceKeeps(int length) {
        String reason = ServiceText.storable("x".repeat(length));

        assertThat(reason).hasSizeLessThanOrEqualTo(Reason.MAX_LENGTH);
        assertThat(violations(reason)).isEmpty();
    }

    private static Set<ConstraintViolation<Cancellation>> violations(String reason) {
        return validation.getValidator().validate(new Cancellation(reason));
    }

}
