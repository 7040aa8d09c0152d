package io.sagashop.testsupport.postgres;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.test.context.ContextConfiguration;

/**
 * Points the Spring test context at a new, empty PostgreSQL database of its own, so
 * Flyway migrates it from scratch. Contexts that Spring caches share their database; no
 * test sees another context's rows.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ContextConfiguration(initializers = FreshPostgresDatabaseInitializer.class)
public @interface FreshPostgresDatabase {

}
