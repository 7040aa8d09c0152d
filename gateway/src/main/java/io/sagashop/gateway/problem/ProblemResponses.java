package io.sagashop.gateway.problem;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.http.HttpStatus;

/**
 * The problems an operation answers besides those every operation of its kind answers
 * ({@link ProblemDocs}): a 404 for an order that is not the caller's, a 409, a 503 when a
 * call behind it fails. Read by the API description only.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface ProblemResponses {

    HttpStatus[] value();

}
