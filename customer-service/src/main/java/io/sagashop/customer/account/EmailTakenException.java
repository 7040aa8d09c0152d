package io.sagashop.customer.account;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;

import io.sagashop.problem.InvalidField;
import io.sagashop.problem.ProblemException;

/** Another customer already has this email address (compared case-insensitively). */
class EmailTakenException extends ProblemException {

    EmailTakenException(String email) {
        super(HttpStatus.CONFLICT, "email-taken", "Email " + email + " is already used by another customer", Map
            .of("email", email, "errors", List.of(new InvalidField("email", "is already used by another customer"))));
    }

}
