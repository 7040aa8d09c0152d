package io.sagashop.auth.signin;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import io.sagashop.auth.AuthServerTest;
import io.sagashop.auth.AuthorizationCodeFlow;
import io.sagashop.auth.Browser;
import io.sagashop.auth.Pkce;

/**
 * The sign-in page as a person meets it: the form, the demo accounts, a wrong password,
 * and what the server keeps of the passwords.
 */
@AuthServerTest
class SignInPageTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    Browser browser;

    @BeforeEach
    void open() {
        this.browser = new Browser(URI.create("http://127.0.0.1:" + this.port));
    }

    @Test
    void thePageHasTheFormAndTheDemoAccounts() {
        HttpResponse<String> page = this.browser.get("/login");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type"))
            .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(page.body()).contains("<title>Sign in · Saga Shop</title>")
            .contains("<label for=\"email\">Email</label>")
            .contains("<label for=\"password\">Password</label>")
            .contains("autocomplete=\"current-password\"")
            .contains("autofocus")
            .contains("name=\"_csrf\"")
            .contains("saga-shop-demo")
            .doesNotContain("//cdn", "https://fonts");
        for (String email : List.of("ada@example.com", "grace@example.com", "alan@example.com", "mallory@example.com",
                "bob@example.com", "operator@example.com")) {
            assertThat(page.body()).contains(email);
        }
        assertThat(page.body()).contains("Mallory Blocked").contains("50.00 EUR").contains("Olivia Operator");
    }

    @Test
    void theSessionCookieIsTheServersOwnAndHiddenFromScripts() {
        HttpResponse<String> page = this.browser.get("/login");

        String setCookie = page.headers()
            .allValues("Set-Cookie")
            .stream()
            .filter(header -> header.startsWith("SAGASHOP_AUTH_SESSION="))
            .findFirst()
            .orElseThrow(() -> new AssertionError("No SAGASHOP_AUTH_SESSION cookie: " + page.headers().map()));
        assertThat(setCookie).containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Lax");
        assertThat(this.browser.cookies().getCookieStore().getCookies()).extracting(HttpCookie::getName)
            .doesNotContain("JSESSIONID");
    }

    @Test
    void aWrongPasswordGivesNoCodeButThePageWithAnError() {
        String authorize = AuthorizationCodeFlow.authorizationRequest("shop-cli", "openid shop",
                AuthorizationCodeFlow.CLI_CALLBACK, Pkce.create(), "wrong-password");
        assertThat(Browser.location(this.browser.get(authorize))).endsWith("/login");

        HttpResponse<String> refused = this.browser.signIn("bob@example.com", "not-bobs-password");

        assertThat(refused.statusCode()).isEqualTo(302);
        assertThat(Browser.location(refused)).endsWith("/login?error");
        HttpResponse<String> page = this.browser.get(Browser.location(refused));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("role=\"alert\"").contains("That email and password do not match an account");
        // Still not signed in: the authorization request sends the browser back to the
        // form.
        assertThat(Browser.location(this.browser.get(authorize))).endsWith("/login");
        assertThat(this.jdbc
            .sql("SELECT count(*) FROM oauth2_authorization WHERE principal_name = 'bob@example.com' "
                    + "AND state = 'wrong-password'")
            .query(Long.class)
            .single()).isZero();
    }

    @Test
    void anUnknownEmailReadsLikeAWrongPassword() {
        HttpResponse<String> refused = this.browser.signIn("nobody@example.com", "saga-shop-demo");

        assertThat(Browser.location(refused)).endsWith("/login?error");
    }

    @Test
    void aPostWithoutTheCsrfTokenIsRefused() {
        assertThat(this.browser.get("/login").statusCode()).isEqualTo(200);
        Map<String, String> withoutToken = Map.of("email", "ada@example.com", "password", "saga-shop-demo");

        HttpResponse<String> forBrowser = this.browser.postForm("/login", withoutToken, Browser.HTML);
        HttpResponse<String> forScript = this.browser.postForm("/login", withoutToken, "application/json");

        assertThat(forBrowser.statusCode()).isEqualTo(403);
        assertThat(forBrowser.body()).contains("The request was refused: reload the sign-in page and try again")
            .contains("Back to the sign-in page");
        assertThat(forScript.statusCode()).isEqualTo(403);
        assertThat(forScript.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(forScript.body()).contains("\"type\":\"urn:sagashop:problem:forbidden\"");
    }

    @Test
    void aSignedInPersonGetsAPageForAnAddressThatDoesNotExist() {
        assertThat(this.browser.signIn("grace@example.com", "saga-shop-demo").statusCode()).isEqualTo(302);

        HttpResponse<String> missing = this.browser.get("/no-such-page");

        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).contains("There is no page at this address").contains("Saga Shop");
    }

    @Test
    void passwordsAreStoredOnlyAsBcryptHashes() {
        List<Map<String, Object>> accounts = this.jdbc.sql("SELECT email, password_hash FROM account")
            .query()
            .listOfRows();

        assertThat(accounts).hasSize(6);
        BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder();
        assertThat(accounts).allSatisfy(account -> {
            String stored = (String) account.get("password_hash");
            assertThat(stored).startsWith("{bcrypt}$2a$").doesNotContain("saga-shop-demo");
            String hash = stored.substring("{bcrypt}".length());
            assertThat(Integer.parseInt(hash.substring(4, 6))).as("bcrypt cost").isGreaterThanOrEqualTo(10);
            assertThat(bcrypt.matches("saga-shop-demo", hash)).isTrue();
        });
        assertThat(accounts).extracting(account -> account.get("password_hash")).doesNotHaveDuplicates();
    }

}
