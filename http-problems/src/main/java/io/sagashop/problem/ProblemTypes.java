package io.sagashop.problem;

import java.net.URI;
import java.util.Locale;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;

/**
 * Builds the stable {@code type} URIs of our problem responses. Clients branch on the
 * type, never on the human-readable detail, so a type slug is part of a service's API and
 * must not change once published.
 */
public final class ProblemTypes {

    private static final String PREFIX = "urn:sagashop:problem:";

    private ProblemTypes() {
    }

    public static URI of(String slug) {
        return URI.create(PREFIX + slug);
    }

    /**
     * A short human-readable title for a type: {@code out-of-stock} reads "Out of stock".
     */
    public static String titleOf(String slug) {
        String words = slug.replace('-', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    /**
     * The slug for a failure that has no domain type, after its status:
     * {@code 404 Not Found} gives {@code not-found}, so framework and server failures get
     * types in the same scheme as ours.
     */
    public static String forStatus(HttpStatusCode status) {
        HttpStatus known = HttpStatus.resolve(status.value());
        return known == null ? "http-" + status.value()
                : known.getReasonPhrase().toLowerCase(Locale.ROOT).replace(' ', '-');
    }

    /**
     * The slug of a problem type a Saga Shop API answered
     * ({@code urn:sagashop:problem:out-of-stock} gives {@code out-of-stock}), or null for
     * any other type, so callers can map problems back to failures.
     */
    public static String slugOf(String type) {
        return type != null && type.startsWith(PREFIX) ? type.substring(PREFIX.length()) : null;
    }

}
