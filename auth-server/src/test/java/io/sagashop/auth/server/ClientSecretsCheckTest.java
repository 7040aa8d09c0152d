package io.sagashop.auth.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import org.junit.jupiter.api.Test;
import org.springframework.core.NestedExceptionUtils;

import io.sagashop.auth.StartedServer;
import io.sagashop.testsupport.postgres.DatabaseLogin;
import io.sagashop.testsupport.postgres.TestPostgres;

/**
 * A confidential client without its secret stops the start, instead of accepting the
 * unresolved placeholder's text as the secret.
 */
class ClientSecretsCheckTest {

    @Test
    void theServerDoesNotStartWithoutTheClientSecrets() {
        Throwable failure = startWith("--SAGASHOP_AUTH_GENERATE_KEY=true");

        assertThat(NestedExceptionUtils.getMostSpecificCause(failure))
            .hasMessage("No client secret is set for the client 'gateway': set SAGASHOP_GATEWAY_CLIENT_SECRET, "
                    + "the client 'order-workflow-worker': set SAGASHOP_WORKER_CLIENT_SECRET");
    }

    @Test
    void anEmptySecretIsNoSecret() {
        Throwable failure = startWith("--SAGASHOP_AUTH_GENERATE_KEY=true", "--SAGASHOP_GATEWAY_CLIENT_SECRET=",
                "--SAGASHOP_WORKER_CLIENT_SECRET=worker-secret");

        assertThat(NestedExceptionUtils.getMostSpecificCause(failure))
            .hasMessage("No client secret is set for the client 'gateway'");
    }

    private static Throwable startWith(String... arguments) {
        DatabaseLogin database = TestPostgres.shared().createDatabase("auth_server_secrets");
        Throwable failure = catchThrowable(() -> StartedServer.start(database, false, arguments).close());
        assertThat(failure).as("the start failed").isNotNull();
        return failure;
    }

}
