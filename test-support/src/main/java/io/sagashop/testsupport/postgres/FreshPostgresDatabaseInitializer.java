package io.sagashop.testsupport.postgres;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Creates the database for {@link FreshPostgresDatabase} and sets the datasource
 * properties to it.
 */
class FreshPostgresDatabaseInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        String prefix = context.getEnvironment().getProperty("spring.application.name", "test").replace('-', '_');
        DatabaseLogin login = TestPostgres.shared().createDatabase(prefix);
        TestPropertyValues
            .of("spring.datasource.url=" + login.jdbcUrl(), "spring.datasource.username=" + login.username(),
                    "spring.datasource.password=" + login.password())
            .applyTo(context.getEnvironment());
    }

}
