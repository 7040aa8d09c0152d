package io.sagashop.auth.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

import io.sagashop.auth.AuthServerTest;

/**
 * {@code scripts/shop-token.sh} run as a developer runs it, against this server: bash,
 * curl and openssl doing the authorization code flow with PKCE for {@code shop-cli}.
 */
@AuthServerTest
class ShopTokenScriptTest {

    private static final Path SCRIPT = Path.of(System.getProperty("sagashop.repository", ".."), "scripts",
            "shop-token.sh");

    @LocalServerPort
    int port;

    @Test
    void printsAnAccessTokenForTheAccount() throws Exception {
        Run run = run("grace@example.com", "saga-shop-demo");

        assertThat(run.exitCode()).as(run.errors()).isZero();
        Jwt token = NimbusJwtDecoder.withJwkSetUri(issuerUrl() + "/oauth2/jwks").build().decode(run.output().strip());
        assertThat(token.getSubject()).isEqualTo("c1000000-0000-4000-8000-000000000002");
        assertThat(token.getClaimAsStringList("scope")).contains("shop");
        assertThat(token.getAudience()).contains("gateway", "order-service");
    }

    @Test
    void saysSoWhenThePasswordIsWrong() throws Exception {
        Run run = run("grace@example.com", "not-graces-password");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.output()).isEmpty();
        assertThat(run.errors()).contains("the email and password do not match an account");
    }

    private record Run(int exitCode, String output, String errors) {
    }

    private Run run(String email, String password) throws IOException, InterruptedException {
        assertThat(SCRIPT).isRegularFile();
        Path output = Files.createTempFile("shop-token", ".out");
        Path errors = Files.createTempFile("shop-token", ".err");
        try {
            ProcessBuilder builder = new ProcessBuilder("bash", SCRIPT.toString(), email, password)
                .redirectOutput(output.toFile())
                .redirectError(errors.toFile());
            builder.environment().put("SAGASHOP_ISSUER_URI", issuerUrl());
            Process process = builder.start();
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the script finished").isTrue();
            return new Run(process.exitValue(), Files.readString(output), Files.readString(errors));
        }
        finally {
            Files.deleteIfExists(output);
            Files.deleteIfExists(errors);
        }
    }

    private String issuerUrl() {
        return "http://127.0.0.1:" + this.port;
    }

}
