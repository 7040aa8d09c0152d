package io.sagashop.problem;

import java.util.List;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * The body comes without a Content-Type, or in one the endpoint does not read (415). The
 * detail says what to send instead, because the framework's own answer names neither the
 * missing header nor the accepted types.
 */
public class UnsupportedMediaTypeException extends ProblemException {

    /**
     * {@code contentType} is the header as the client sent it, null when it sent none.
     */
    public UnsupportedMediaTypeException(@Nullable String contentType, List<MediaType> supported) {
        super(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type", describe(contentType, supported));
    }

    private static String describe(@Nullable String contentType, List<MediaType> supported) {
        String sent = contentType == null || contentType.isBlank() ? "Content-Type is missing"
                : "Content-Type " + contentType + " is not supported";
        // Wildcards such as application/*+json are how a converter matches, not something
        // to tell a client.
        String accepted = supported.stream()
            .filter(type -> !type.isWildcardType() && !type.isWildcardSubtype())
            .map(type -> type.getType() + "/" + type.getSubtype())
            .distinct()
            .collect(Collectors.joining(" or "));
        return accepted.isEmpty() ? sent : sent + ": the body must be " + accepted;
    }

}
