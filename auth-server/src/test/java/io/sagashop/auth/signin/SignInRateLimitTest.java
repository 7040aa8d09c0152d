package io.sagashop.auth.signin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.sagashop.auth.Browser;
import io.sagashop.testsupport.service.ServiceApplicationTest;

/**
 * Password guessing on the sign-in form runs into the configured limits (10 attempts per
 * address and 5 per account a minute). The buckets live as long as this context, so each
 * test signs in from loopback addresses of its own (127.0.0.x, which Linux routes to the
 * loopback interface; elsewhere the address tests are skipped).
 */
@ServiceApplicationTest
@TestPropertySource(locations = "/auth-server-test.properties")
class SignInRateLimitTest {

    private static final AtomicInteger NEXT_ADDRESS = new AtomicInteger(10);

    private static final String JSON = "application/json";

    @LocalServerPort
    int port;

    @Autowired
    SignInLimitsProperties limits;

    @Test
    void theLimitsAreTheDocumentedDefaults() {
        assertThat(this.limits.perAddress().attempts()).isEqualTo(10);
        assertThat(this.limits.perAddress().period()).hasMinutes(1);
        assertThat(this.limits.perAccount().attempts()).isEqualTo(5);
        assertThat(this.limits.perAccount().period()).hasMinutes(1);
    }

    @Test
    void theSixthAttemptOnOneAccountWaitsAndOtherAccountsDoNot() {
        Browser browser = browserFrom(freshAddress());
        for (int attempt = 1; attempt <= 5; attempt++) {
            assertThat(browser.signIn("bob@example.com", "guess-" + attempt).statusCode()).isEqualTo(302);
        }

        HttpResponse<String> forScript = browser.signIn("bob@example.com", "guess-6", JSON);
        HttpResponse<String> forBrowser = browser.signIn("bob@example.com", "guess-7", Browser.HTML);

        assertLimitedAsProblem(forScript);
        assertLimitedAsPage(forBrowser);
        // Even the right password waits: the limit is on attempts, not on failures.
        assertThat(browser.signIn("bob@example.com", "saga-shop-demo").statusCode()).isEqualTo(429);
        // The account, not the address, is used up: the same address signs someone else
        // in.
        HttpResponse<String> grace = browser.signIn("grace@example.com", "saga-shop-demo");
        assertThat(grace.statusCode()).isEqualTo(302);
        assertThat(Browser.location(grace)).doesNotContain("error");
    }

    @Test
    void theEleventhAttemptFromOneAddressWaitsAndOtherAddressesDoNot() {
        Browser guesser = browserFrom(freshAddress());
        for (int attempt = 1; attempt <= 10; attempt++) {
            assertThat(guesser.signIn("guess-" + attempt + "@example.com", "guess").statusCode()).isEqualTo(302);
        }

        assertLimitedAsProblem(guesser.signIn("ada@example.com", "saga-shop-demo", JSON));
        assertLimitedAsPage(guesser.signIn("ada@example.com", "saga-shop-demo", Browser.HTML));

        HttpResponse<String> fromElsewhere = browserFrom(freshAddress()).signIn("ada@example.com", "saga-shop-demo");
        assertThat(fromElsewhere.statusCode()).isEqualTo(302);
        assertThat(Browser.location(fromElsewhere)).doesNotContain("error");
    }

    @Test
    void aForwardedForHeaderDoesNotBuyAFreshBucket() {
        InetAddress address = freshAddress();
        Browser guesser = browserFrom(address);
        HttpResponse<String> last = null;
        for (int attempt = 1; attempt <= 11; attempt++) {
            Map<String, String> form = new LinkedHashMap<>();
            form.put("email", "forwarded-" + attempt + "@example.com");
            form.put("password", "guess");
            form.put("_csrf", Browser.csrfToken(guesser.get("/login").body()));
            last = guesser.postForm("/login", form, JSON, "X-Forwarded-For", "203.0.113." + attempt);
        }

        assertLimitedAsProblem(last);
    }

    @Test
    void showingThePageIsNoAttempt() {
        Browser browser = browserFrom(freshAddress());
        for (int view = 1; view <= 30; view++) {
            assertThat(browser.get("/login").statusCode()).isEqualTo(200);
        }

        HttpResponse<String> signIn = browser.signIn("alan@example.com", "saga-shop-demo");

        assertThat(signIn.statusCode()).isEqualTo(302);
        assertThat(Browser.location(signIn)).doesNotContain("error");
    }

    private static void assertLimitedAsProblem(HttpResponse<String> answer) {
        assertThat(answer.statusCode()).isEqualTo(429);
        assertThat(retryAfterSeconds(answer)).isBetween(1L, 60L);
        assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = JsonMapper.builder().build().readTree(answer.body());
        assertThat(problem.get("type").asString()).isEqualTo("urn:sagashop:problem:too-many-requests");
        assertThat(problem.get("status").asInt()).isEqualTo(429);
        assertThat(problem.get("detail").asString()).contains(retryAfterSeconds(answer) + " seconds");
    }

    private static void assertLimitedAsPage(HttpResponse<String> answer) {
        assertThat(answer.statusCode()).isEqualTo(429);
        long seconds = retryAfterSeconds(answer);
        assertThat(seconds).isBetween(1L, 60L);
        assertThat(answer.headers().firstValue("Content-Type"))
            .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(answer.body()).contains("role=\"alert\"")
            .contains("Too many sign-in attempts. Please wait " + seconds + " second")
            .contains("name=\"_csrf\"")
            .contains("<label for=\"email\">Email</label>");
    }

    private static long retryAfterSeconds(HttpResponse<String> answer) {
        return Long.parseLong(answer.headers()
            .firstValue("Retry-After")
            .orElseThrow(() -> new AssertionError("No Retry-After header")));
    }

    private Browser browserFrom(InetAddress address) {
        return new Browser(URI.create("http://127.0.0.1:" + this.port), address);
    }

    /**
     * A loopback address no other test signed in from, checked to reach the server.
     */
    private InetAddress freshAddress() {
        try {
            InetAddress address = InetAddress.getByName("127.0.0." + NEXT_ADDRESS.getAndIncrement());
            try (Socket socket = new Socket()) {
                socket.bind(new InetSocketAddress(address, 0));
                socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), this.port), 2000);
            }
            catch (IOException ex) {
                assumeTrue(false, "Cannot connect from " + address + " on this machine: " + ex.getMessage());
            }
            return address;
        }
        catch (UnknownHostException ex) {
            throw new IllegalStateException(ex);
        }
    }

}
