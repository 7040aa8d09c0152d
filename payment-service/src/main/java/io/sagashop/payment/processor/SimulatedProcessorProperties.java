package io.sagashop.payment.processor;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.PositiveOrZero;

/**
 * Behaviour of the simulated card processor.
 *
 * @param flakyFailures how many charge attempts of an order paid with {@code tok_flaky}
 * find the processor unavailable before one succeeds
 */
@ConfigurationProperties("sagashop.payment")
@Validated
record SimulatedProcessorProperties(@DefaultValue("2") @PositiveOrZero int flakyFailures) {
}
