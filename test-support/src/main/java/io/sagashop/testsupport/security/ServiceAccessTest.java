package io.sagashop.testsupport.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance.Lifecycle;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.EntityExchangeResult;
import org.springframework.test.web.servlet.client.RestTestClient;

import tools.jackson.databind.json.JsonMapper;

/**
 * What every service refuses, tried on the calls a service names as its most dangerous
 * ({@link #guardedCalls()}): no token; a token that does not verify (expired, signed with
 * another key, unsigned, from another issuer, for another service); a valid token of the
 * wrong caller. Each refusal is the contract's problem and writes nothing: the service's
 * {@link #rows()} are the same after it. The rightful caller's token gets each call
 * through, so a refusal is the token's doing, not a wrong path's. The probes and the API
 * documentation answer without a token; a path no rule names is refused to every token.
 * <p>
 * A subclass is a {@code @ServiceApplicationTest} that lists its calls and counts its
 * rows; the cases live here, the same for every service.
 */
@TestInstance(Lifecycle.PER_CLASS)
public abstract class ServiceAccessTest {

    private static final String PROBLEM = "urn:sagashop:problem:";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final TestIssuer issuer = TestIssuer.shared();

    @Autowired
    private RestTestClient client;

    @Value("${spring.application.name}")
    private String audience;

    private RestTestClient anonymous;

    private List<GuardedCall> calls;

    /**
     * The calls whose refusal matters most, each with its rightful caller. Asked once,
     * after injection: it may make the data the calls need.
     */
    protected abstract List<GuardedCall> guardedCalls();

    /** The rows of every table the {@link #guardedCalls()} write. */
    protected abstract long rows();

    @BeforeAll
    void withoutTheWorkersDefaultToken() {
        anonymous = client.mutate().defaultHeaders(headers -> headers.remove(HttpHeaders.AUTHORIZATION)).build();
    }

    private List<GuardedCall> calls() {
        if (calls == null) {
            calls = List.copyOf(guardedCalls());
        }
        return calls;
    }

    Stream<Arguments> refusals() {
        return calls().stream()
            .flatMap(call -> Stream.of(Refusal.values())
                .filter(refusal -> refusal.appliesTo(call))
                .map(refusal -> argumentSet(call.name() + " with " + refusal + ": " + refusal.status.value(), call,
                        refusal)));
    }

    Stream<Arguments> rightfulCalls() {
        return calls().stream().map(call -> argumentSet(call.name() + " by " + call.caller() + " gets through", call));
    }

    @ParameterizedTest(name = "{argumentSetName}")
    @MethodSource("refusals")
    void isRefusedWithAProblemAndWritesNothing(GuardedCall call, Refusal refusal) {
        long rowsBefore = rows();

        EntityExchangeResult<byte[]> result = send(call, refusal.token(issuer, call, otherService()));

        assertRefused(result, call.uri(), refusal.status);
        assertThat(rows()).as("rows after a refused call").isEqualTo(rowsBefore);
    }

    @ParameterizedTest(name = "{argumentSetName}")
    @MethodSource("rightfulCalls")
    void theRightfulCallerGetsThrough(GuardedCall call) {
        EntityExchangeResult<byte[]> result = send(call, call.caller().token(issuer).signed());

        assertThat(result.getStatus().is2xxSuccessful()).as(describe(result)).isTrue();
    }

    @ParameterizedTest(name = "{0} answers without a token")
    @ValueSource(strings = { "/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness",
            "/actuator/info", "/actuator/prometheus", "/v3/api-docs" })
    void openPathsAnswerWithoutAToken(String path) {
        anonymous.get().uri(path).exchange().expectStatus().isOk();
    }

    Stream<Arguments> unlistedPaths() {
        return Stream.of("/api/unlisted", "/actuator/env", "/error", "/.well-known/oauth-protected-resource")
            .flatMap(path -> Stream.of(GuardedCall.Caller.values())
                .map(caller -> argumentSet(path + " with " + caller + "'s token: 403", path, caller)));
    }

    @ParameterizedTest(name = "{argumentSetName}")
    @MethodSource("unlistedPaths")
    void aPathNoRuleNamesIsRefusedToAValidToken(String path, GuardedCall.Caller caller) {
        EntityExchangeResult<byte[]> result = anonymous.get()
            .uri(path)
            .header(HttpHeaders.AUTHORIZATION, TestIssuer.bearer(caller.token(issuer).signed()))
            .exchange()
            .expectBody()
            .returnResult();

        assertRefused(result, path, HttpStatus.FORBIDDEN);
    }

    private EntityExchangeResult<byte[]> send(GuardedCall call, @Nullable String token) {
        RestTestClient.RequestBodySpec request = anonymous.method(call.method()).uri(call.uri()).headers(headers -> {
            call.headers().forEach(headers::set);
            if (token != null) {
                headers.setBearerAuth(token);
            }
        });
        RestTestClient.RequestHeadersSpec<?> complete = call.json() == null ? request
                : request.contentType(MediaType.APPLICATION_JSON).body(call.json());
        return complete.exchange().expectBody().returnResult();
    }

    private static void assertRefused(EntityExchangeResult<byte[]> result, String path, HttpStatus status) {
        assertThat(result.getStatus()).as(describe(result)).isEqualTo(status);
        assertThat(result.getResponseHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        boolean unauthorized = status == HttpStatus.UNAUTHORIZED;
        String slug = unauthorized ? "unauthorized" : "forbidden";
        String detail = unauthorized ? "A valid access token is required" : "The access token does not allow this call";
        assertThat(JSON.readTree(body(result))).isEqualTo(JSON.createObjectNode()
            .put("type", PROBLEM + slug)
            .put("title", unauthorized ? "Unauthorized" : "Forbidden")
            .put("status", status.value())
            .put("detail", detail)
            .put("instance", path));
        if (unauthorized) {
            // RFC 6750: the header says why (invalid_token) where the problem stays
            // general.
            assertThat(result.getResponseHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Bearer");
        }
    }

    private String otherService() {
        return TestIssuer.SERVICES.stream().filter(service -> !service.equals(audience)).findFirst().orElseThrow();
    }

    private static String describe(EntityExchangeResult<byte[]> result) {
        return result.getMethod() + " " + result.getUrl() + " answered " + result.getStatus() + ": " + body(result);
    }

    private static String body(EntityExchangeResult<byte[]> result) {
        byte[] body = result.getResponseBody();
        return body == null ? "" : new String(body, StandardCharsets.UTF_8);
    }

    /** A token the call's rightful caller would not send, and the answer it gets. */
    enum Refusal {

        NO_TOKEN("no token", HttpStatus.UNAUTHORIZED) {
            @Override
            @Nullable String token(TestIssuer issuer, GuardedCall call, String otherService) {
                return null;
            }
        },

        EXPIRED("an expired token", HttpStatus.UNAUTHORIZED) {
            @Override
            String token(TestIssuer issuer, GuardedCall call, String otherService) {
                return call.caller().token(issuer).expiredAgo(Duration.ofMinutes(5)).signed();
            }
        },

        FOREIGN_SIGNATURE("a token signed with another key", HttpStatus.UNAUTHORIZED) {
            @Override
            String token(TestIssuer issuer, GuardedCall call, String otherService) {
                return call.caller().token(issuer).signedWithImpostorKey();
            }
        },

        UNSIGNED("an unsigned token (alg none)", HttpStatus.UNAUTHORIZED) {
            @Override
            String token(TestIssuer issuer, GuardedCall call, String otherService) {
                return call.caller().token(issuer).unsigned();
            }
        },

        OTHER_ISSUER("a token of another issuer", HttpStatus.UNAUTHORIZED) {
            @Override
            String token(TestIssuer issuer, GuardedCall call, String otherService) {
                return call.caller().token(issuer).issuer("https://issuer.example").signed();
            }
        },

        OTHER_AUDIENCE("a token for another service", HttpStatus.UNAUTHORIZED) {
            @Override
            String token(TestIssuer issuer, GuardedCall call, String otherService) {
                return call.caller().token(issuer).audiences(otherService).signed();
            }
        },

        SHOPPER("a shopper's token", HttpStatus.FORBIDDEN) {
            @Override
            String token(TestIssuer issuer, GuardedCall call, String otherService) {
                return issuer.shopper(UUID.randomUUID());
            }
        },

        OPERATOR_ON_A_SAGA_CALL("an operator's token", HttpStatus.FORBIDDEN) {
            @Override
            boolean appliesTo(GuardedCall call) {
                return call.caller() == GuardedCall.Caller.WORKER;
            }

            @Override
            String token(TestIssuer issuer, GuardedCall call, String otherService) {
                return issuer.operator();
            }
        },

        WORKER_ON_AN_OPERATOR_CALL("the worker's token", HttpStatus.FORBIDDEN) {
            @Override
            boolean appliesTo(GuardedCall call) {
                return call.caller() == GuardedCall.Caller.OPERATOR;
            }

            @Override
            String token(TestIssuer issuer, GuardedCall call, String otherService) {
                return issuer.worker();
            }
        };

        private final String description;

        private final HttpStatus status;

        Refusal(String description, HttpStatus status) {
            this.description = description;
            this.status = status;
        }

        boolean appliesTo(GuardedCall call) {
            return true;
        }

        abstract @Nullable String token(TestIssuer issuer, GuardedCall call, String otherService);

        @Override
        public String toString() {
            return description;
        }

    }

}
