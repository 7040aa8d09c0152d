package io.sagashop.testsupport.security;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Makes the Spring test context's resource server trust {@link TestIssuer#shared()}: its
 * issuer and key set replace the configured ones, the audience stays the application's
 * own. A {@code RestTestClient} of the context sends the worker's token unless a request
 * sets its own {@code Authorization} header.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
public @interface SignedByTestIssuer {

}
