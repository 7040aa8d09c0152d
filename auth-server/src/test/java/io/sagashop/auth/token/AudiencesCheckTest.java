package io.sagashop.auth.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import org.junit.jupiter.api.Test;
import org.springframework.core.NestedExceptionUtils;

import io.sagashop.auth.StartedServer;
import io.sagashop.testsupport.postgres.TestPostgres;

/**
 * A client whose tokens no application would accept is a configuration mistake found at
 * start, not at the first sign-in.
 */
class AudiencesCheckTest {

    @Test
    void aClientWithoutAudiencesStopsTheStart() {
        Throwable failure = catchThrowable(() -> StartedServer
            .start(TestPostgres.shared().createDatabase("auth_server_audiences"), true,
                    "--SAGASHOP_AUTH_GENERATE_KEY=true", "--sagashop.auth.audiences.shop-cli=")
            .close());

        assertThat(failure).isNotNull();
        assertThat(NestedExceptionUtils.getMostSpecificCause(failure))
            .hasMessage("No access-token audiences configured for the client(s) [shop-cli]: set "
                    + "sagashop.auth.audiences.<client-id> to the applications that accept their tokens");
    }

}
