package io.sagashop.customer.account;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import io.sagashop.support.currency.CurrencyCode;

/**
 * @param currency the ISO 4217 code that credit limits and order checks are in
 */
@ConfigurationProperties("sagashop.customer.credit")
@Validated
record CreditProperties(@DefaultValue("EUR") @CurrencyCode String currency) {
}
