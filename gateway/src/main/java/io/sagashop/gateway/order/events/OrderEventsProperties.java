package io.sagashop.gateway.order.events;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.NotNull;

/**
 * How the gateway follows a watched order.
 *
 * @param attemptPoll how often the run is described while one of its activities is in
 * flight: retries are not history events, only the server's pending activities show them
 * @param historyWait how long one wait for new history events may last (the server ends a
 * wait after 20 s with no events; the client's deadline must be longer)
 * @param linger how long an order's watch outlives its last watcher, so that a
 * reconnecting stream resumes after its last event instead of starting over
 * @param heartbeat how often an idle stream gets a comment, so that proxies keep it open
 */
@Validated
@ConfigurationProperties("sagashop.gateway.order-events")
record OrderEventsProperties(@DefaultValue("250ms") @NotNull Duration attemptPoll,
        @DefaultValue("30s") @NotNull Duration historyWait, @DefaultValue("15s") @NotNull Duration linger,
        @DefaultValue("15s") @NotNull Duration heartbeat) {
}
