package io.sagashop.problem;

import java.util.Map;

import org.springframework.http.HttpStatus;

/**
 * A resource addressed by the request does not exist (404, type
 * {@code <resource>-not-found}).
 */
public class ResourceNotFoundException extends ProblemException {

    public ResourceNotFoundException(String resource, Object id) {
        super(HttpStatus.NOT_FOUND, resource + "-not-found", "No " + resource.replace('-', ' ') + " " + id,
                Map.of("resource", resource, "id", String.valueOf(id)));
    }

}
