package io.sagashop.customer.account;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;

import io.sagashop.problem.InvalidField;
import io.sagashop.problem.ProblemException;

/**
 * Credit limits are kept in one currency; an amount in another cannot be compared without
 * a rate.
 */
class CurrencyNotSupportedException extends ProblemException {

    CurrencyNotSupportedException(String currency, String supported) {
        super(HttpStatus.UNPROCESSABLE_CONTENT, "currency-not-supported",
                "Currency " + currency + " is not supported; credit limits are in " + supported,
                Map.of("currency", currency, "supportedCurrency", supported, "errors",
                        List.of(new InvalidField("currency", "must be " + supported))));
    }

}
