package io.sagashop.payment;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import io.sagashop.testsupport.postgres.FreshPostgresDatabase;

/**
 * The whole service on a random port against a fresh PostgreSQL database. Every test class uses this same set
 * of annotations, so they share one cached context and one database; tests keep apart by using new order ids.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
@FreshPostgresDatabase
public @interface PaymentServiceTest {
}
