package io.sagashop.support.idempotency;

import java.util.Objects;
import java.util.function.Function;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The result of an idempotent write and whether this request made it ({@code created}) or
 * replayed the first request with its key. Every write API answers it the same way: 201
 * Created for the first request, 200 OK with the same body for a replay.
 *
 * @param <T> what the write answers, the same for the first request and its replays
 * @param value the result
 * @param created {@code false} when an earlier request with the same key wrote it
 */
public record Written<T>(T value, boolean created) {

    public Written {
        Objects.requireNonNull(value, "value");
    }

    /** The result of the first request with its key. */
    public static <T> Written<T> first(T value) {
        return new Written<>(value, true);
    }

    /** The first request's result, answering a repeat of it. */
    public static <T> Written<T> replayed(T value) {
        return new Written<>(value, false);
    }

    public <R> Written<R> map(Function<? super T, ? extends R> mapper) {
        return new Written<>(mapper.apply(value), created);
    }

    /**
     * 201 Created with a {@code Location} header for the first request, 200 OK for a
     * replay; the body is the value either way.
     * @param locationTemplate the path of the written resource, such as
     * {@code /api/orders/{orderId}}
     * @param uriVariables the values of the template's variables, in order
     */
    public ResponseEntity<T> toResponse(String locationTemplate, Object... uriVariables) {
        if (!created) {
            return ResponseEntity.ok(value);
        }
        var location = UriComponentsBuilder.fromPath(locationTemplate).buildAndExpand(uriVariables).toUri();
        return ResponseEntity.created(location).body(value);
    }

    /**
     * 201 Created or 200 OK as {@link #toResponse(String, Object...)}, without a
     * {@code Location}: for a written record that has no address of its own to read it
     * back from.
     */
    public ResponseEntity<T> toResponse() {
        return ResponseEntity.status(created ? HttpStatus.CREATED : HttpStatus.OK).body(value);
    }

}
