package io.sagashop.launcher;

import java.time.Duration;
import java.util.Locale;
import java.util.UUID;

import io.sagashop.launcher.process.TemporalDevServer;
import io.sagashop.launcher.stack.App;
import io.sagashop.launcher.stack.ShopStack;

/**
 * What the user reads once everything is up: where to go (the shop first), who to sign in
 * as, a first order to paste, and how long it took.
 */
record ReadyBanner(LauncherSettings settings, TemporalDevServer temporal, Duration sinceCommand,
        ShopStack.StartTimes times) {

    /** The demo accounts' shared password (auth-server's seed; README, "Sign in"). */
    private static final String DEMO_PASSWORD = "saga-shop-demo";

    String text() {
        String gateway = "http://localhost:" + settings.appPorts().get(App.GATEWAY);
        int authPort = settings.appPorts().get(App.AUTH);
        String signIn = "http://localhost:" + authPort;
        // The token script assumes the default port; anything else is said on its line.
        String issuer = authPort == App.AUTH.defaultPort() ? "" : "SAGASHOP_ISSUER_URI=" + signIn + " ";
        String workflows = temporal.uiUrl() + "/namespaces/default/workflows";
        String training = times.aotTraining().isZero() || times.aotTraining().toMillis() < 50 ? ""
                : ", preparing fast starts " + seconds(times.aotTraining());
        return """

                Saga Shop is ready in %s (PostgreSQL and Temporal %s%s, applications %s).

                  Shop                   %s/
                  Shop API (Swagger UI)  %s/swagger-ui.html
                  Sign-in server         %s
                  Temporal UI            %s
                  Logs                   %s
                  Data                   %s (kept between runs; delete it to start afresh)

                Demo accounts, all with the password %s: ada@example.com, grace@example.com, alan@example.com,
                mallory@example.com (blocked), bob@example.com (a 50.00 EUR limit), operator@example.com.

                Place an order as Ada Lovelace (the same key again finds the same order):

                  TOKEN=$(%sscripts/shop-token.sh ada@example.com %s)
                  curl -i %s/api/orders -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \\
                    -H 'Idempotency-Key: %s' \\
                    -d '{"lines":[{"sku":"COF-ESPRESSO-250","quantity":2}],"paymentToken":"tok_visa"}'

                Follow its saga at %s/api/orders/<orderId>/saga (with the same token), and the confirmed orders in
                the Temporal UI: %s?query=OrderStatus%%3D%%22CONFIRMED%%22

                Press Ctrl-C to stop everything.
                """.formatted(seconds(sinceCommand), seconds(times.infrastructure()), training,
                seconds(times.applications()), gateway, gateway, signIn, workflows, settings.logDirectory(),
                settings.dataDirectory(), DEMO_PASSWORD, issuer, DEMO_PASSWORD, gateway, UUID.randomUUID(), gateway,
                workflows);
    }

    private static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
    }
}
