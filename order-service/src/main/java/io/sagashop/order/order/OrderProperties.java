package io.sagashop.order.order;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.Pattern;

/**
 * @param currency the ISO 4217 code every order is charged in; a confirmation in another currency is refused
 */
@Validated
@ConfigurationProperties("sagashop.order")
record OrderProperties(@DefaultValue("EUR") @Pattern(regexp = "[A-Z]{3}") String currency) {
}
