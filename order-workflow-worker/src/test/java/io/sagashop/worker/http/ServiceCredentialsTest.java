package io.sagashop.worker.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sagashop.testsupport.security.TestIssuer;
import io.temporal.failure.ApplicationFailure;
import java.io.IOException;
import java.net.ServerSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import org.springframework.web.client.RestClient;

/** The worker's own token on its calls to the services, over real HTTP. */
class ServiceCredentialsTest {

    private final TestIssuer issuer = TestIssuer.shared();

    private final StubServer service = StubServer.start();

    private final ProbeClient client = StubServer.serviceClients()
        .create("probe-service", service.endpoint(), ProbeClient.class);

    @AfterEach
    void stopService() {
        service.close();
    }

    @Test
    void fetchesOneTokenAndReusesItUntilItNearsExpiry() {
        service.answer("GET", "/probe", 200, "{}");
        int before = issuer.tokenRequests();

        client.probe();
        client.probe();

        assertThat(issuer.tokenRequests() - before).isEqualTo(1);
        assertThat(service.requests()).extracting(StubServer.RecordedRequest::authorization)
            .containsOnly(service.requests().getFirst().authorization())
            .allSatisfy(authorization -> assertThat(authorization).startsWith("Bearer "));
    }

    @Test
    void aRefusedTokenIsRetryableAndTheNextAttemptFetchesAFreshOne() {
        service.answerProblem("GET", "/probe", 401, "unauthorized", "A valid access token is required");
        int before = issuer.tokenRequests();

        assertThatThrownBy(client::probe).isInstanceOfSatisfying(ApplicationFailure.class, failure -> {
            assertThat(failure.getType()).isEqualTo("unauthorized");
            assertThat(failure.isNonRetryable()).isFalse();
        });
        service.answer("GET", "/probe", 200, "{}");
        client.probe();

        assertThat(issuer.tokenRequests() - before).isEqualTo(2);
    }

    @Test
    void aForbiddenCallIsRetryableTooForItRefusesTheCredentialsNotTheOrder() {
        service.answerProblem("GET", "/probe", 403, "forbidden", "The access token does not allow this call");

        assertThatThrownBy(client::probe).isInstanceOfSatisfying(ApplicationFailure.class, failure -> {
            assertThat(failure.getType()).isEqualTo("forbidden");
            assertThat(failure.isNonRetryable()).isFalse();
        });
    }

    @Test
    void anUnreachableSignInServerIsARetryableFailureAndNothingIsSent() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        ProbeClient withoutTokens = new ServiceClients(RestClient.builder(),
                StubServer.credentialsFrom("http://127.0.0.1:" + closedPort + "/oauth2/token"), JsonMapper.shared())
            .create("probe-service", service.endpoint(), ProbeClient.class);

        assertThatThrownBy(withoutTokens::probe).isInstanceOfSatisfying(ApplicationFailure.class, failure -> {
            assertThat(failure.getType()).isEqualTo(ServiceFailures.CREDENTIALS_UNAVAILABLE);
            assertThat(failure.getOriginalMessage()).startsWith("no token for probe-service: ");
            assertThat(failure.isNonRetryable()).isFalse();
        });
        assertThat(service.requests()).isEmpty();
    }

}
