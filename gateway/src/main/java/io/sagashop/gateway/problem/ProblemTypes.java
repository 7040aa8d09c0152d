package io.sagashop.gateway.problem;

import java.net.URI;

/**
 * Builds the stable {@code type} URIs of problem responses, the same scheme the services use
 * ({@code urn:sagashop:problem:<slug>}), so a client branches on one vocabulary whichever component answered.
 */
public final class ProblemTypes {

    private static final String PREFIX = "urn:sagashop:problem:";

    private ProblemTypes() {
    }

    public static URI of(String slug) {
        return URI.create(PREFIX + slug);
    }
}
