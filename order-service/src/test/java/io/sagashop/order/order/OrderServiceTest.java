package io.sagashop.order.order;

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
 * The whole service on a random port against its own PostgreSQL database. Every test class carrying it shares
 * one cached application context and database, so tests use fresh order and customer ids.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
@FreshPostgresDatabase
@interface OrderServiceTest {
}
