package io.sagashop.systemtests.shop;

import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A browser signed in at the gateway: the authorization code flow with PKCE, run by the
 * gateway against the sign-in server, leaves a session cookie, and state-changing calls
 * echo the gateway's CSRF cookie in a header, as the shop's pages do. The browser never
 * sees a token.
 */
public final class BrowserSession {

    public static final String SESSION_COOKIE = "SAGASHOP_SESSION";

    public static final String CSRF_COOKIE = "XSRF-TOKEN";

    public static final String CSRF_HEADER = "X-XSRF-TOKEN";

    private final URI gateway;

    private final SignInFlow flow;

    private final SignInFlow.Outcome signIn;

    private BrowserSession(URI gateway, SignInFlow flow, SignInFlow.Outcome signIn) {
        this.gateway = gateway;
        this.flow = flow;
        this.signIn = signIn;
    }

    /**
     * Signs in as a browser does and checks that it worked: the gateway answers
     * {@code /api/me}.
     */
    public static BrowserSession signIn(URI gateway, String email, String password) {
        BrowserSession session = attemptSignIn(gateway, email, password);
        HttpResponse<String> me = session.send(HttpRequest.newBuilder(gateway.resolve("/api/me")).GET());
        if (me.statusCode() != 200) {
            throw new AssertionError("Sign-in as " + email + " did not give a session (" + me.statusCode() + " "
                    + me.body() + "); steps: " + session.signIn.visited() + "; last page: "
                    + session.signIn.lastResponse().statusCode());
        }
        return session;
    }

    /** Goes through the sign-in, whatever comes of it. */
    public static BrowserSession attemptSignIn(URI gateway, String email, String password) {
        SignInFlow flow = new SignInFlow();
        SignInFlow.Outcome outcome = flow.follow(gateway.resolve("/oauth2/authorization/sagashop"), email, password,
                // Back at the gateway past its login callback: the sign-in is over.
                uri -> sameOrigin(uri, gateway) && !uri.getPath().startsWith("/login/oauth2/code/"));
        return new BrowserSession(gateway, flow, outcome);
    }

    /** The addresses the browser went through, starting at the gateway. */
    public List<URI> steps() {
        return signIn.visited();
    }

    /** The page the sign-in ended on, when it did not end back at the gateway. */
    public HttpResponse<String> lastPage() {
        return signIn.lastResponse();
    }

    public Optional<HttpCookie> cookie(String name) {
        return flow.cookies()
            .getCookieStore()
            .get(gateway)
            .stream()
            .filter(cookie -> cookie.getName().equals(name))
            .findFirst();
    }

    /**
     * Sends a call to the gateway with the session cookie; a state-changing one carries
     * the CSRF token, as the shop's pages send it.
     */
    public HttpResponse<String> send(HttpRequest.Builder request) {
        HttpRequest built = request.copy().build();
        if (!List.of("GET", "HEAD", "OPTIONS").contains(built.method())) {
            request.header(CSRF_HEADER, csrfToken());
        }
        return sendWithoutCsrfToken(request);
    }

    /** Sends a call as a forged cross-site form would: the cookies, no CSRF token. */
    public HttpResponse<String> sendWithoutCsrfToken(HttpRequest.Builder request) {
        return flow.send(request.timeout(Duration.ofSeconds(30)));
    }

    /** Reads a streamed answer (Server-Sent Events) line by line, as it comes. */
    public HttpResponse<Stream<String>> stream(HttpRequest.Builder request) {
        return flow.send(request, HttpResponse.BodyHandlers.ofLines());
    }

    /** Ends the session at the gateway, and at the sign-in server by the redirect. */
    public SignInFlow.Outcome signOut() {
        HttpResponse<String> logout = send(HttpRequest.newBuilder(gateway.resolve("/logout"))
            .header("Accept", "text/html")
            .POST(HttpRequest.BodyPublishers.noBody()));
        if (logout.statusCode() < 300 || logout.statusCode() >= 400) {
            throw new AssertionError("POST /logout answered " + logout.statusCode() + ": " + logout.body());
        }
        URI next = logout.uri().resolve(logout.headers().firstValue("Location").orElseThrow());
        return flow.follow(next, "", "", uri -> sameOrigin(uri, gateway));
    }

    private String csrfToken() {
        Optional<HttpCookie> token = cookie(CSRF_COOKIE);
        if (token.isEmpty()) {
            // The gateway hands the token out on a read; the shop's first page load does
            // the same.
            flow.send(HttpRequest.newBuilder(gateway.resolve("/api/me")).GET());
            token = cookie(CSRF_COOKIE);
        }
        return token.orElseThrow(() -> new AssertionError("The gateway set no " + CSRF_COOKIE + " cookie")).getValue();
    }

    private static boolean sameOrigin(URI uri, URI origin) {
        return uri.getHost().equals(origin.getHost()) && uri.getPort() == origin.getPort();
    }

}
