package io.sagashop.problem;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;

/**
 * The body cannot be read as a whole: not JSON, cut short, over a parser limit, or of the
 * wrong shape (400 {@code malformed-request}). The detail says why in the request's
 * terms; {@code errors} names the body, so a client can treat it like any invalid field.
 */
public class MalformedRequestException extends ProblemException {

    public MalformedRequestException(String detail) {
        super(HttpStatus.BAD_REQUEST, "malformed-request", detail,
                Map.of("errors", List.of(new InvalidField(InvalidField.BODY, detail))));
    }

}
