package io.sagashop.launcher;

import java.time.Duration;
import java.util.Locale;
import java.util.UUID;

import io.sagashop.launcher.process.TemporalDevServer;
import io.sagashop.launcher.stack.App;
import io.sagashop.launcher.stack.ShopStack;

/**
 * What the user reads once everything is up: where to go, a first order to paste, and how
 * long it took.
 */
record ReadyBanner(LauncherSettings settings, TemporalDevServer temporal, Duration sinceCommand,
        ShopStack.StartTimes times) {

    /**
     * Ada Lovelace, an active demo customer with room on her credit limit (README, "Demo
     * data").
     */
    private static final String DEMO_CUSTOMER = "c1000000-0000-4000-8000-000000000001";

    String text() {
        String gateway = "http://localhost:" + settings.appPorts().get(App.GATEWAY);
        String workflows = temporal.uiUrl() + "/namespaces/default/workflows";
        String training = times.aotTraining().isZero() || times.aotTraining().toMillis() < 50 ? ""
                : ", preparing fast starts " + seconds(times.aotTraining());
        return """

                Saga Shop is ready in %s (PostgreSQL and Temporal %s%s, applications %s).

                  Shop API (Swagger UI)  %s/swagger-ui.html
                  Temporal UI            %s
                  Logs                   %s
                  Data                   %s (kept between runs; delete it to start afresh)

                Place an order as Ada Lovelace, one of the demo customers (the same key again finds the same order):

                  curl -i %s/api/orders -H 'Content-Type: application/json' \\
                    -H 'X-Customer-Id: %s' -H 'Idempotency-Key: %s' \\
                    -d '{"lines":[{"sku":"COF-ESPRESSO-250","quantity":2}],"paymentToken":"tok_visa"}'

                Follow its saga at %s/api/orders/<orderId>/saga (with the same X-Customer-Id header), and the
                confirmed orders in the Temporal UI: %s?query=OrderStatus%%3D%%22CONFIRMED%%22

                Press Ctrl-C to stop everything.
                """.formatted(seconds(sinceCommand), seconds(times.infrastructure()), training,
                seconds(times.applications()), gateway, workflows, settings.logDirectory(), settings.dataDirectory(),
                gateway, DEMO_CUSTOMER, UUID.randomUUID(), gateway, workflows);
    }

    private static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
    }
}
