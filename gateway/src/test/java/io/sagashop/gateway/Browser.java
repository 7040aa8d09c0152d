package io.sagashop.gateway;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.http.ResponseCookie;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientResponse;

import io.sagashop.testsupport.security.TestIssuer;

/**
 * A browser on the gateway: it keeps the cookies it is given and sends them back, as a
 * browser does, and signs in by following the gateway to the test issuer's sign-in page
 * and back.
 */
public final class Browser {

    public static final String SESSION_COOKIE = "SAGASHOP_SESSION";

    public static final String CSRF_COOKIE = "XSRF-TOKEN";

    private static final String SIGN_IN = "/oauth2/authorization/sagashop";

    private final Map<String, ResponseCookie> cookies = new ConcurrentHashMap<>();

    private final WebTestClient client;

    private URI authorizationRequest;

    public Browser(WebTestClient client) {
        this.client = client.mutate()
            .filter((request,
                    next) -> next
                        .exchange(ClientRequest.from(request)
                            .cookies(sent -> cookies.values()
                                .forEach(cookie -> sent.add(cookie.getName(), cookie.getValue())))
                            .build())
                        .doOnNext(this::keepCookies))
            .build();
    }

    /**
     * Signs in: the gateway sends the browser to the issuer, whose sign-in page sends it
     * back with a code; then the shop asks who is signed in, which hands it its CSRF
     * token.
     */
    public static Browser signedIn(WebTestClient client, TestIssuer.SignIn signIn) {
        Browser browser = new Browser(client);
        browser.signIn(signIn).expectStatus().isFound().expectHeader().location("/");
        browser.client.get().uri("/api/me").exchange().expectStatus().isOk();
        return browser;
    }

    /**
     * Follows the gateway to the sign-in page and back; answers the gateway's last
     * answer.
     */
    public WebTestClient.ResponseSpec signIn(TestIssuer.SignIn signIn) {
        return follow(client.get().uri(SIGN_IN), signIn);
    }

    /**
     * Signs in through the shop's sign-in link on one of its views, which names the view
     * to come back to.
     */
    public WebTestClient.ResponseSpec signInFrom(String view, TestIssuer.SignIn signIn) {
        return follow(client.get().uri(link -> link.path(SIGN_IN).queryParam("returnTo", "{view}").build(view)),
                signIn);
    }

    private WebTestClient.ResponseSpec follow(WebTestClient.RequestHeadersSpec<?> signInLink,
            TestIssuer.SignIn signIn) {
        authorizationRequest = signInLink.exchange()
            .expectStatus()
            .isFound()
            .returnResult(Void.class)
            .getResponseHeaders()
            .getLocation();
        URI callback = signIn.authorize(authorizationRequest);
        return client.get().uri(callback).exchange();
    }

    /** A client that sends this browser's cookies and keeps the ones it gets. */
    public WebTestClient client() {
        return client;
    }

    /** The authorization request the gateway last sent the browser to the issuer with. */
    public URI authorizationRequest() {
        return authorizationRequest;
    }

    public ResponseCookie cookie(String name) {
        return cookies.get(name);
    }

    public String csrfToken() {
        ResponseCookie token = cookies.get(CSRF_COOKIE);
        if (token == null) {
            throw new AssertionError("The browser holds no " + CSRF_COOKIE + " cookie");
        }
        return token.getValue();
    }

    private void keepCookies(ClientResponse response) {
        response.cookies().values().stream().flatMap(List::stream).forEach(cookie -> {
            if (cookie.getValue().isEmpty() || cookie.getMaxAge().isZero()) {
                cookies.remove(cookie.getName());
            }
            else {
                cookies.put(cookie.getName(), cookie);
            }
        });
    }

}
