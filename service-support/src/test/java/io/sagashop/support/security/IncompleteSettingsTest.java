package io.sagashop.support.security;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;

/**
 * A service whose resource-server settings are incomplete does not start, and says which
 * setting is missing: it never runs open, nor trusts any issuer or any audience.
 */
class IncompleteSettingsTest {

    @ParameterizedTest(name = "without {0}")
    @ValueSource(strings = { "spring.security.oauth2.resourceserver.jwt.issuer-uri",
            "spring.security.oauth2.resourceserver.jwt.jwk-set-uri",
            "spring.security.oauth2.resourceserver.jwt.audiences" })
    void refusesToStart(String setting) {
        SpringApplicationBuilder service = new SpringApplicationBuilder(SecuredTestApplication.class);

        assertThatThrownBy(() -> service.run("--server.port=0", "--" + setting + "=")).rootCause()
            .isInstanceOf(InvalidConfigurationPropertyValueException.class)
            .hasMessageContaining(setting);
    }

    @ParameterizedTest(name = "without {0}")
    @ValueSource(strings = "spring.application.name")
    void refusesToStartWithoutAnAudienceToDefaultTo(String setting) {
        SpringApplicationBuilder service = new SpringApplicationBuilder(SecuredTestApplication.class);

        assertThatThrownBy(() -> service.run("--server.port=0", "--" + setting + "=")).rootCause()
            .isInstanceOf(InvalidConfigurationPropertyValueException.class)
            .hasMessageContaining("spring.security.oauth2.resourceserver.jwt.audiences");
    }

}
