package io.sagashop.systemtests.shop;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What a browser does to sign in, scripted over plain HTTP: it follows the redirects one
 * by one with its own cookie jar, and fills in the sign-in page's form (its hidden CSRF
 * field included) when it meets it. The gateway's sign-in and the command line's token
 * both go through it.
 */
final class SignInFlow {

    private static final Pattern FORM = Pattern.compile("<form\\b([^>]*)>(.*?)</form>",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    private static final Pattern INPUT = Pattern.compile("<input\\b([^>]*)>", Pattern.CASE_INSENSITIVE);

    private static final Pattern ATTRIBUTE = Pattern.compile("([a-zA-Z_:-]+)\\s*=\\s*\"([^\"]*)\"");

    private static final int MAX_STEPS = 12;

    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);

    private final HttpClient http = HttpClient.newBuilder()
        .cookieHandler(cookies)
        .followRedirects(HttpClient.Redirect.NEVER)
        .connectTimeout(Duration.ofSeconds(5))
        .build();

    /** Where the flow ended: the first address it was told to stop at, or a page. */
    record Outcome(URI stoppedAt, HttpResponse<String> lastResponse, List<URI> visited) {

        boolean stoppedAtTarget() {
            return stoppedAt != null;
        }
    }

    HttpClient http() {
        return http;
    }

    CookieManager cookies() {
        return cookies;
    }

    /**
     * Follows redirects from {@code start}, signing in with these credentials on the
     * sign-in page, until a redirect points at an address {@code stopAt} accepts (not
     * followed) or a page answers that is no sign-in form.
     */
    Outcome follow(URI start, String email, String password, Predicate<URI> stopAt) {
        List<URI> visited = new ArrayList<>();
        boolean signedIn = false;
        HttpResponse<String> response = get(start);
        visited.add(start);
        for (int step = 0; step < MAX_STEPS; step++) {
            int status = response.statusCode();
            if (status >= 300 && status < 400) {
                URI next = response.uri().resolve(response.headers().firstValue("Location").orElseThrow());
                if (stopAt.test(next)) {
                    return new Outcome(next, response, visited);
                }
                visited.add(next);
                response = get(next);
                continue;
            }
            Matcher form = FORM.matcher(response.body());
            if (status == 200 && !signedIn && form.find() && form.group(2).contains("password")) {
                signedIn = true;
                response = postForm(response.uri(), form, email, password);
                continue;
            }
            return new Outcome(null, response, visited);
        }
        throw new AssertionError("The sign-in did not end within " + MAX_STEPS + " steps: " + visited);
    }

    HttpResponse<String> get(URI uri) {
        return send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).header("Accept", "text/html").GET());
    }

    HttpResponse<String> send(HttpRequest.Builder request) {
        return send(request, HttpResponse.BodyHandlers.ofString());
    }

    <T> HttpResponse<T> send(HttpRequest.Builder request, HttpResponse.BodyHandler<T> body) {
        try {
            return http.send(request.build(), body);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    static String formEncoded(Map<String, String> fields) {
        return fields.entrySet()
            .stream()
            .map(field -> encode(field.getKey()) + "=" + encode(field.getValue()))
            .collect(Collectors.joining("&"));
    }

    static Map<String, String> queryOf(URI uri) {
        Map<String, String> query = new LinkedHashMap<>();
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                String[] parts = pair.split("=", 2);
                query.put(URLDecoder.decode(parts[0], StandardCharsets.UTF_8),
                        parts.length > 1 ? URLDecoder.decode(parts[1], StandardCharsets.UTF_8) : "");
            }
        }
        return query;
    }

    /**
     * The form as a browser would send it: its inputs with their values, the email in the
     * field that asks for it, the password in the password field.
     */
    private HttpResponse<String> postForm(URI page, Matcher form, String email, String password) {
        Map<String, String> formAttributes = attributes(form.group(1));
        Map<String, String> fields = new LinkedHashMap<>();
        Matcher input = INPUT.matcher(form.group(2));
        while (input.find()) {
            Map<String, String> attributes = attributes(input.group(1));
            String name = attributes.get("name");
            if (name == null) {
                continue;
            }
            String type = attributes.getOrDefault("type", "text");
            if (type.equals("password")) {
                fields.put(name, password);
            }
            else if (type.equals("email") || name.equals("username") || name.equals("email")) {
                fields.put(name, email);
            }
            else if (!type.equals("submit") && !type.equals("checkbox")) {
                fields.put(name, attributes.getOrDefault("value", ""));
            }
        }
        URI action = page.resolve(formAttributes.getOrDefault("action", page.getPath()).replace("&amp;", "&"));
        return send(HttpRequest.newBuilder(action)
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Accept", "text/html")
            .POST(HttpRequest.BodyPublishers.ofString(formEncoded(fields))));
    }

    private static Map<String, String> attributes(String tag) {
        Map<String, String> attributes = new LinkedHashMap<>();
        Matcher attribute = ATTRIBUTE.matcher(tag);
        while (attribute.find()) {
            attributes.put(attribute.group(1).toLowerCase(), attribute.group(2));
        }
        return attributes;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

}
