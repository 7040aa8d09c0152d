package io.sagashop.testsupport.security;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.resttestclient.autoconfigure.RestTestClientBuilderCustomizer;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.test.context.TestContextAnnotationUtils;

/**
 * Applies {@link SignedByTestIssuer} (registered in {@code META-INF/spring.factories}).
 */
class TestIssuerContextCustomizerFactory implements ContextCustomizerFactory {

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass,
            List<ContextConfigurationAttributes> configAttributes) {
        return TestContextAnnotationUtils.hasAnnotation(testClass, SignedByTestIssuer.class)
                ? new TestIssuerContextCustomizer() : null;
    }

    private static final class TestIssuerContextCustomizer implements ContextCustomizer {

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
            TestIssuer issuer = TestIssuer.shared();
            TestPropertyValues.of(issuer.resourceServerProperties()).applyTo(context.getEnvironment());
            // A cached context outlives a five-minute token, so this one lasts the run.
            String token = issuer.workerToken().lifetime(Duration.ofHours(12)).signed();
            RestTestClientBuilderCustomizer workerToken = builder -> builder.defaultHeader(HttpHeaders.AUTHORIZATION,
                    TestIssuer.bearer(token));
            context.getBeanFactory().registerSingleton("testIssuerWorkerToken", workerToken);
        }

        // One customizer for every such context, so Spring's context cache still shares
        // them.
        @Override
        public boolean equals(Object other) {
            return other instanceof TestIssuerContextCustomizer;
        }

        @Override
        public int hashCode() {
            return TestIssuerContextCustomizer.class.hashCode();
        }

    }

}
