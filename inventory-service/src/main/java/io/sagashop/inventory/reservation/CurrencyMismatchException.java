package io.sagashop.inventory.reservation;

import java.util.Map;

import org.springframework.http.HttpStatus;

import io.sagashop.problem.ProblemException;

/**
 * The lines of one reservation are priced in different currencies, so they have no total
 * (422).
 */
class CurrencyMismatchException extends ProblemException {

    CurrencyMismatchException(String sku, String skuCurrency, String reservationCurrency) {
        super(HttpStatus.UNPROCESSABLE_CONTENT, "currency-mismatch",
                sku + " is priced in " + skuCurrency + ", the other lines in " + reservationCurrency,
                Map.of("sku", sku, "currency", skuCurrency, "expectedCurrency", reservationCurrency));
    }

}
