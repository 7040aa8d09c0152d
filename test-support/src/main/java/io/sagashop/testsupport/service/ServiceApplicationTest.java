package io.sagashop.testsupport.service;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import io.sagashop.testsupport.postgres.FreshPostgresDatabase;
import io.sagashop.testsupport.security.SignedByTestIssuer;

/**
 * A service's application on a random port, driven over real HTTP with an injectable
 * {@code RestTestClient}, against a fresh PostgreSQL database migrated by Flyway. Test
 * classes that carry only this annotation share one Spring context, and so one database:
 * each test makes its own data. The application trusts the {@code TestIssuer}, and the
 * client sends the worker's token by default.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
@FreshPostgresDatabase
@SignedByTestIssuer
public @interface ServiceApplicationTest {

}
