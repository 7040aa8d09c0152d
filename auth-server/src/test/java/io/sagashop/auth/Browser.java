package io.sagashop.auth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.InetAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What a browser does on the sign-in server, over real HTTP: keeps its cookies, sends
 * {@code Accept: text/html}, never follows a redirect by itself (the tests read each
 * {@code Location}), and may connect from another loopback address.
 */
public final class Browser {

    public static final String HTML = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final URI base;

    private final HttpClient http;

    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);

    public Browser(URI base) {
        this(base, null);
    }

    public Browser(URI base, InetAddress localAddress) {
        this.base = base;
        HttpClient.Builder builder = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .cookieHandler(this.cookies)
            .connectTimeout(Duration.ofSeconds(5));
        if (localAddress != null) {
            builder.localAddress(localAddress);
        }
        this.http = builder.build();
    }

    public URI base() {
        return this.base;
    }

    public CookieManager cookies() {
        return this.cookies;
    }

    public HttpResponse<String> get(String pathOrUrl) {
        return send(HttpRequest.newBuilder(resolve(pathOrUrl)).header("Accept", HTML).GET());
    }

    /**
     * Posts a form; {@code headers} are further name and value pairs.
     */
    public HttpResponse<String> postForm(String path, Map<String, String> form, String accept, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(resolve(path))
            .header("Accept", accept)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(BodyPublishers.ofString(formBody(form)));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(request);
    }

    /**
     * Opens the sign-in page and posts the form with its CSRF token, as a person would.
     */
    public HttpResponse<String> signIn(String email, String password) {
        return signIn(email, password, HTML);
    }

    public HttpResponse<String> signIn(String email, String password, String accept) {
        HttpResponse<String> page = get("/login");
        Map<String, String> form = new LinkedHashMap<>();
        form.put("email", email);
        form.put("password", password);
        form.put("_csrf", csrfToken(page.body()));
        return postForm("/login", form, accept);
    }

    public static String csrfToken(String html) {
        Matcher matcher = CSRF.matcher(html);
        if (!matcher.find()) {
            throw new AssertionError("No CSRF token in the page:\n" + html);
        }
        return matcher.group(1);
    }

    public static String location(HttpResponse<?> response) {
        return response.headers()
            .firstValue("Location")
            .orElseThrow(() -> new AssertionError("No Location header in a " + response.statusCode() + " answer"));
    }

    public static String formBody(Map<String, String> form) {
        return form.entrySet()
            .stream()
            .map(entry -> encode(entry.getKey()) + "=" + encode(entry.getValue()))
            .collect(Collectors.joining("&"));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private URI resolve(String pathOrUrl) {
        return this.base.resolve(pathOrUrl);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return this.http.send(request.timeout(Duration.ofSeconds(10)).build(), BodyHandlers.ofString());
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

}
