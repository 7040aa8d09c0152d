package io.sagashop.auth;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.test.context.TestPropertySource;

import io.sagashop.testsupport.service.ServiceApplicationTest;

/**
 * The auth server on a random port over real HTTP and a fresh PostgreSQL database, with
 * the test environment of {@code auth-server-test.properties}. These tests sign in many
 * times a minute from one address, so the per-address limit is lifted here;
 * {@code SignInRateLimitTest} checks the configured limits in a context of its own.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ServiceApplicationTest
@TestPropertySource(locations = "/auth-server-test.properties",
        properties = "sagashop.auth.sign-in-limits.per-address.attempts=1000")
public @interface AuthServerTest {

    /** The issuer the test environment configures, reached under no such name. */
    String ISSUER = "https://auth.sagashop.test";

    String GATEWAY_SECRET = "gateway-test-secret";

    String WORKER_SECRET = "worker-test-secret";

}
