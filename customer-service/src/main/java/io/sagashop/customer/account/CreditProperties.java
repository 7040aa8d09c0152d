package io.sagashop.customer.account;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.Pattern;

/** @param currency the ISO 4217 code that credit limits and order checks are in */
@ConfigurationProperties("sagashop.customer.credit")
@Validated
record CreditProperties(@DefaultValue("EUR") @Pattern(regexp = "[A-Z]{3}") String currency) {
}
