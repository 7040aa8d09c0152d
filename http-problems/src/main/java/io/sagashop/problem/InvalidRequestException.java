package io.sagashop.problem;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.http.HttpStatus;

/**
 * Input that breaks a rule no single annotation can express (e.g. "exactly one of
 * customerId and orderId"). Answers the same 400 {@code invalid-request} as annotation
 * validation, with the fields in {@code errors}.
 */
public class InvalidRequestException extends ProblemException {

    /**
     * Bean Validation reports violations in no fixed order; sorted by field, the same
     * mistakes read the same in every API and on every call.
     */
    private static final Comparator<InvalidField> BY_FIELD = Comparator.comparing(InvalidField::field)
        .thenComparing(InvalidField::reason);

    public InvalidRequestException(List<InvalidField> errors) {
        super(HttpStatus.BAD_REQUEST, "invalid-request", describe(sorted(errors)), Map.of("errors", sorted(errors)));
    }

    public InvalidRequestException(String field, String reason) {
        this(List.of(new InvalidField(field, reason)));
    }

    private static List<InvalidField> sorted(List<InvalidField> errors) {
        return errors.stream().sorted(BY_FIELD).toList();
    }

    private static String describe(List<InvalidField> errors) {
        return errors.isEmpty() ? "The request is invalid"
                : errors.stream().map(error -> error.field() + " " + error.reason()).collect(Collectors.joining("; "));
    }

}
