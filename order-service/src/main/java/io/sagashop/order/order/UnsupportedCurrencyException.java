package io.sagashop.order.order;

import java.util.Map;

import org.springframework.http.HttpStatus;

import io.sagashop.support.problem.ProblemException;

/** A confirmation in a currency the shop does not sell in (422). */
class UnsupportedCurrencyException extends ProblemException {

    UnsupportedCurrencyException(String currency, String supported) {
        super(HttpStatus.UNPROCESSABLE_CONTENT, "unsupported-currency",
                "Orders are charged in " + supported + ", not " + currency,
                Map.of("currency", currency, "supported", supported));
    }
}
