package io.sagashop.inventory;

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
 * The whole service over HTTP against a real, freshly migrated PostgreSQL database. Every test class uses this
 * one configuration, so they share one cached context and one database; tests create their own products.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
@FreshPostgresDatabase
public @interface InventoryApiTest {
}
