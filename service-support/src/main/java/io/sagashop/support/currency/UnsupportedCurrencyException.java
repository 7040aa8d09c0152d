package io.sagashop.support.currency;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;

import io.sagashop.problem.InvalidField;
import io.sagashop.problem.ProblemException;

/**
 * A real currency the shop does not sell in (422; a code that is no currency at all is a
 * 400).
 */
public class UnsupportedCurrencyException extends ProblemException {

    UnsupportedCurrencyException(String currency, List<String> supported) {
        super(HttpStatus.UNPROCESSABLE_CONTENT, "unsupported-currency",
                "The shop sells in " + String.join(", ", supported) + ", not " + currency,
                Map.of("currency", currency, "supported", String.join(", ", supported), "errors",
                        List.of(new InvalidField("currency", "must be one of " + supported))));
    }

}
