package io.sagashop.gateway.problem;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.http.HttpStatus;

/** Input that breaks a rule: 400 {@code invalid-request} naming each field and the reason. */
public class InvalidRequestException extends ProblemException {

    public InvalidRequestException(String field, String reason) {
        this(List.of(new InvalidField(field, reason)));
    }

    public InvalidRequestException(List<InvalidField> errors) {
        super(HttpStatus.BAD_REQUEST, "invalid-request", describe(errors), Map.of("errors", List.copyOf(errors)));
    }

    private static String describe(List<InvalidField> errors) {
        return errors.stream()
                .map(error -> error.field() + " " + error.reason())
                .collect(Collectors.joining("; "));
    }
}
