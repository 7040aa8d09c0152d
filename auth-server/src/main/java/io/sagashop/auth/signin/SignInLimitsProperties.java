package io.sagashop.auth.signin;

import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How many sign-in attempts (form posts) are allowed, per client address and per account
 * email, against password guessing. Tokens come back steadily: with 10 per minute, one
 * more attempt every 6 seconds.
 *
 * @param perAddress the limit per client address (the connection's, or the one Boot's
 * forward-headers strategy resolved when it is configured)
 * @param perAccount the limit per email tried, whichever address it comes from
 * @param trackedKeys at most this many addresses and as many emails are tracked; the ones
 * seen least recently are forgotten first, so memory stays bounded under a flood
 */
@Validated
@ConfigurationProperties("sagashop.auth.sign-in-limits")
record SignInLimitsProperties(@Valid @NotNull Limit perAddress, @Valid @NotNull Limit perAccount,
        @Positive int trackedKeys) {

    /**
     * @param attempts attempts allowed at once, and refilled over the period
     * @param period the time over which the attempts come back
     */
    record Limit(@Positive int attempts, @NotNull Duration period) {

    }

}
