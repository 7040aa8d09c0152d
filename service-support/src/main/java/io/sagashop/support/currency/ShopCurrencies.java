package io.sagashop.support.currency;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.NotEmpty;

/**
 * The currencies the shop sells in, one list for every service
 * ({@code sagashop.currencies}). Prices, orders and charges in any other are refused with
 * {@link UnsupportedCurrencyException}.
 */
@ConfigurationProperties("sagashop")
@Validated
public record ShopCurrencies(@DefaultValue("EUR") @NotEmpty List<@CurrencyCode String> currencies) {

    public ShopCurrencies {
        currencies = List.copyOf(currencies);
    }

    /**
     * @throws UnsupportedCurrencyException unless the shop sells in {@code currency}
     */
    public void requireSupported(String currency) {
        if (!currencies.contains(currency)) {
            throw new UnsupportedCurrencyException(currency, currencies);
        }
    }
}
