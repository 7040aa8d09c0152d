package io.sagashop.testsupport.security;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpMethod;

/**
 * A call a service must refuse to all but its rightful caller, for
 * {@link ServiceAccessTest}: the request, fully formed, and who may make it.
 *
 * @param name what the call does, as the test names read
 * @param method the HTTP method
 * @param uri the path, variables filled in
 * @param json the body, or null for none
 * @param headers headers besides {@code Authorization}, such as {@code Idempotency-Key}
 * @param caller the one caller the service lets through
 */
public record GuardedCall(String name, HttpMethod method, String uri, @Nullable String json,
        Map<String, String> headers, Caller caller) {

    public GuardedCall {
        headers = Map.copyOf(headers);
    }

    /** One of the saga's calls: the worker's token only. */
    public static GuardedCall sagaCall(String name, HttpMethod method, String uri, @Nullable String json) {
        return new GuardedCall(name, method, uri, json, Map.of(), Caller.WORKER);
    }

    /** An operator's call: a token with the OPERATOR role only. */
    public static GuardedCall operatorCall(String name, HttpMethod method, String uri, @Nullable String json) {
        return new GuardedCall(name, method, uri, json, Map.of(), Caller.OPERATOR);
    }

    public GuardedCall withHeader(String header, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(header, value);
        return new GuardedCall(name, method, uri, json, more, caller);
    }

    /** Who may make a call, and the token they hold. */
    public enum Caller {

        WORKER("the worker") {
            @Override
            TestIssuer.Token token(TestIssuer issuer) {
                return issuer.workerToken();
            }
        },

        OPERATOR("an operator") {
            @Override
            TestIssuer.Token token(TestIssuer issuer) {
                return issuer.operatorToken();
            }
        };

        private final String description;

        Caller(String description) {
            this.description = description;
        }

        abstract TestIssuer.Token token(TestIssuer issuer);

        @Override
        public String toString() {
            return description;
        }

    }

}
