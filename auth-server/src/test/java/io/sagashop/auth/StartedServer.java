package io.sagashop.auth;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import io.sagashop.testsupport.postgres.DatabaseLogin;

/**
 * The auth server started as a deployment starts it, from its arguments alone, for the
 * tests of what it does at start (and of what a restart keeps).
 */
public final class StartedServer {

    public static final String GATEWAY_SECRET = "gateway-secret";

    public static final String WORKER_SECRET = "worker-secret";

    private StartedServer() {
    }

    /**
     * Starts on a free port against the database, with both client secrets unless
     * {@code withSecrets} is false, and the further arguments.
     */
    public static ConfigurableApplicationContext start(DatabaseLogin database, boolean withSecrets,
            String... arguments) {
        List<String> all = new ArrayList<>(List.of("--server.port=0", "--spring.datasource.url=" + database.jdbcUrl(),
                "--spring.datasource.username=" + database.username(),
                "--spring.datasource.password=" + database.password()));
        if (withSecrets) {
            all.addAll(List.of("--SAGASHOP_GATEWAY_CLIENT_SECRET=" + GATEWAY_SECRET,
                    "--SAGASHOP_WORKER_CLIENT_SECRET=" + WORKER_SECRET));
        }
        all.addAll(List.of(arguments));
        return new SpringApplicationBuilder(AuthServerApplication.class).run(all.toArray(String[]::new));
    }

    public static URI baseOf(ConfigurableApplicationContext server) {
        return URI.create("http://127.0.0.1:" + server.getEnvironment().getProperty("local.server.port"));
    }

}
