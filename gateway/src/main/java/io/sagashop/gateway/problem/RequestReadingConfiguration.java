package io.sagashop.gateway.problem;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.sagashop.problem.RequestLimitsProperties;
import io.sagashop.problem.json.StrictJsonReading;

/**
 * The gateway reads bodies exactly as the services do, within the same limits
 * (service-support registers the same customizer and properties).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RequestLimitsProperties.class)
class RequestReadingConfiguration {

    @Bean
    JsonMapperBuilderCustomizer strictJsonReading() {
        return new StrictJsonReading();
    }

}
