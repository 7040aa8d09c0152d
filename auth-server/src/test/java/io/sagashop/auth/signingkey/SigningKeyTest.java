package io.sagashop.auth.signingkey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.interfaces.RSAPublicKey;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.web.client.RestClient;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;

import io.sagashop.auth.AuthServerApplication;
import io.sagashop.auth.AuthorizationCodeFlow;
import io.sagashop.auth.Browser;
import io.sagashop.auth.Pkce;
import io.sagashop.auth.StartedServer;
import io.sagashop.auth.TokenEndpoint;
import io.sagashop.testsupport.postgres.DatabaseLogin;
import io.sagashop.testsupport.postgres.TestPostgres;

/**
 * Where the signing key comes from, on a server started as a deployment starts it: from a
 * PKCS12 keystore (made here with the JDK's keytool), generated for a local run with a
 * warning, or nowhere, which stops the start.
 */
@ExtendWith(OutputCaptureExtension.class)
class SigningKeyTest {

    private static final String KEYSTORE_PASSWORD = "keystore-test-password";

    private static final String ALIAS = "sagashop-signing";

    @TempDir
    Path folder;

    DatabaseLogin database;

    @BeforeEach
    void createDatabase() {
        this.database = TestPostgres.shared().createDatabase("auth_server_keys");
    }

    @Test
    void aKeyFromAPkcs12KeystoreSignsTheTokensAndIsPublished() throws Exception {
        Path keystore = createKeystore(ALIAS);
        RSAPublicKey publicKey = publicKey(keystore, ALIAS);
        String kid = new RSAKey.Builder(publicKey).build().computeThumbprint().toString();

        try (ConfigurableApplicationContext server = start("--SAGASHOP_AUTH_KEYSTORE=" + keystore,
                "--SAGASHOP_AUTH_KEYSTORE_PASSWORD=" + KEYSTORE_PASSWORD, "--SAGASHOP_AUTH_KEY_ALIAS=" + ALIAS)) {
            URI base = baseOf(server);
            TokenEndpoint.Answer answer = new TokenEndpoint(base).clientCredentials("order-workflow-worker",
                    StartedServer.WORKER_SECRET, "saga");

            Jwt token = NimbusJwtDecoder.withPublicKey(publicKey).build().decode(answer.get("access_token"));
            assertThat(token.getHeaders()).containsEntry("kid", kid).containsEntry("alg", "RS256");
            List<RSAKey> published = publishedKeys(base);
            assertThat(published).singleElement().satisfies(key -> {
                assertThat(key.getKeyID()).isEqualTo(kid);
                assertThat(key.toRSAPublicKey()).isEqualTo(publicKey);
                assertThat(key.isPrivate()).isFalse();
            });
        }
    }

    @Test
    void aKeystoreWithOneKeyNeedsNoAlias() throws Exception {
        Path keystore = createKeystore("the-only-key");

        try (ConfigurableApplicationContext server = start("--SAGASHOP_AUTH_KEYSTORE=" + keystore,
                "--SAGASHOP_AUTH_KEYSTORE_PASSWORD=" + KEYSTORE_PASSWORD)) {
            assertThat(publishedKeys(baseOf(server))).singleElement()
                .satisfies(key -> assertThat(key.toRSAPublicKey()).isEqualTo(publicKey(keystore, "the-only-key")));
        }
    }

    @Test
    void theKeyAndThePendingAuthorizationsSurviveARestart() throws Exception {
        Path keystore = createKeystore(ALIAS);
        String[] keyFromKeystore = { "--SAGASHOP_AUTH_KEYSTORE=" + keystore,
                "--SAGASHOP_AUTH_KEYSTORE_PASSWORD=" + KEYSTORE_PASSWORD, "--SAGASHOP_AUTH_KEY_ALIAS=" + ALIAS };
        Pkce pkce = Pkce.create();
        String code;
        List<RSAKey> keysBefore;
        try (ConfigurableApplicationContext before = start(keyFromKeystore)) {
            URI base = baseOf(before);
            code = new AuthorizationCodeFlow(new Browser(base)).authorizationCode("shop-cli", "openid shop",
                    AuthorizationCodeFlow.CLI_CALLBACK, pkce, "ada@example.com", "saga-shop-demo");
            keysBefore = publishedKeys(base);
        }

        try (ConfigurableApplicationContext after = start(keyFromKeystore)) {
            URI base = baseOf(after);
            TokenEndpoint.Answer tokens = new TokenEndpoint(base).exchangeCode("shop-cli", null, code,
                    AuthorizationCodeFlow.CLI_CALLBACK, pkce.verifier());

            assertThat(tokens.status()).as(tokens.body().toString()).isEqualTo(200);
            assertThat(publishedKeys(base)).isEqualTo(keysBefore);
            Jwt token = NimbusJwtDecoder.withJwkSetUri(base + "/oauth2/jwks")
                .build()
                .decode(tokens.get("access_token"));
            assertThat(token.getSubject()).isEqualTo("c1000000-0000-4000-8000-000000000001");
        }
    }

    @Test
    void aGeneratedKeyIsUsedOnlyWhenAskedForAndSaysSo(CapturedOutput output) throws Exception {
        try (ConfigurableApplicationContext server = start("--SAGASHOP_AUTH_GENERATE_KEY=true")) {
            URI base = baseOf(server);
            TokenEndpoint.Answer answer = new TokenEndpoint(base).clientCredentials("order-workflow-worker",
                    StartedServer.WORKER_SECRET, "saga");
            NimbusJwtDecoder.withJwkSetUri(base + "/oauth2/jwks").build().decode(answer.get("access_token"));
            String kid = publishedKeys(base).get(0).getKeyID();

            assertThat(output.getOut())
                .containsPattern("WARN .*Signing tokens with an RSA key generated at start \\(kid " + kid
                        + "\\): every token dies with this process");
        }
    }

    @Test
    void withNoKeyConfiguredTheServerDoesNotStart() {
        assertThatThrownBy(() -> start().close())
            .satisfies(failure -> assertThat(NestedExceptionUtils.getMostSpecificCause(failure))
                .hasMessageStartingWith("No token signing key is configured: set sagashop.auth.signing-key.keystore "
                        + "(SAGASHOP_AUTH_KEYSTORE)")
                .hasMessageContaining("SAGASHOP_AUTH_GENERATE_KEY"));
    }

    @Test
    void aWrongAliasOrPasswordStopsTheStartAndSaysWhy() throws Exception {
        Path keystore = createKeystore(ALIAS);

        assertThatThrownBy(() -> start("--SAGASHOP_AUTH_KEYSTORE=" + keystore,
                "--SAGASHOP_AUTH_KEYSTORE_PASSWORD=" + KEYSTORE_PASSWORD, "--SAGASHOP_AUTH_KEY_ALIAS=other")
            .close())
            .satisfies(failure -> assertThat(NestedExceptionUtils.getMostSpecificCause(failure))
                .hasMessageContaining("has no key entry 'other'"));
        assertThatThrownBy(() -> start("--SAGASHOP_AUTH_KEYSTORE=" + keystore,
                "--SAGASHOP_AUTH_KEYSTORE_PASSWORD=not-the-password", "--SAGASHOP_AUTH_KEY_ALIAS=" + ALIAS)
            .close()).hasStackTraceContaining("Cannot read the signing key from the keystore " + keystore);
    }

    private ConfigurableApplicationContext start(String... keyArguments) {
        return StartedServer.start(this.database, true, keyArguments);
    }

    private static URI baseOf(ConfigurableApplicationContext server) {
        return StartedServer.baseOf(server);
    }

    private static List<RSAKey> publishedKeys(URI base) throws Exception {
        String body = RestClient.create(base.toString()).get().uri("/oauth2/jwks").retrieve().body(String.class);
        return JWKSet.parse(body).getKeys().stream().map(key -> (RSAKey) key).toList();
    }

    /**
     * A PKCS12 keystore with one RSA 2048 key and its self-signed certificate, made by
     * the keytool of the JDK running the tests, as an operator would make one.
     */
    private Path createKeystore(String alias) throws Exception {
        Path keystore = this.folder.resolve(alias + ".p12");
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Process process = new ProcessBuilder(keytool.toString(), "-genkeypair", "-alias", alias, "-keyalg", "RSA",
                "-keysize", "2048", "-validity", "2", "-dname", "CN=Saga Shop test signing key", "-storetype", "PKCS12",
                "-keystore", keystore.toString(), "-storepass", KEYSTORE_PASSWORD, "-keypass", KEYSTORE_PASSWORD)
            .redirectErrorStream(true)
            .start();
        String log = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("keytool finished").isTrue();
        assertThat(process.exitValue()).as("keytool: " + log).isZero();
        assertThat(Files.size(keystore)).isPositive();
        return keystore;
    }

    private static RSAPublicKey publicKey(Path keystore, String alias) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            store.load(in, KEYSTORE_PASSWORD.toCharArray());
        }
        return (RSAPublicKey) store.getCertificate(alias).getPublicKey();
    }

}
