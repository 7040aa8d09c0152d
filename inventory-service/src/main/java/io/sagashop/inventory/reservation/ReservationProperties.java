package io.sagashop.inventory.reservation;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import io.sagashop.support.currency.CurrencyCode;

/**
 * @param tombstoneCurrency currency of a reservation recorded as released before anything
 * was reserved; it has no lines to take a currency from
 */
@Validated
@ConfigurationProperties("sagashop.inventory.reservation")
record ReservationProperties(@DefaultValue("EUR") @CurrencyCode String tombstoneCurrency) {
}
