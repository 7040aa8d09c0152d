package io.sagashop.inventory.reservation;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.Pattern;

/**
 * @param tombstoneCurrency currency of a reservation recorded as released before anything was reserved; it has
 * no lines to take a currency from
 */
@Validated
@ConfigurationProperties("sagashop.inventory.reservation")
record ReservationProperties(@DefaultValue("EUR") @Pattern(regexp = "[A-Z]{3}") String tombstoneCurrency) {
}
