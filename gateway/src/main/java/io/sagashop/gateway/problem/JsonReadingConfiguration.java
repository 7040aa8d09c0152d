package io.sagashop.gateway.problem;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.sagashop.problem.json.StrictJsonReading;

/**
 * The gateway reads bodies exactly as the services do (service-support registers the same
 * customizer).
 */
@Configuration(proxyBeanMethods = false)
class JsonReadingConfiguration {

    @Bean
    JsonMapperBuilderCustomizer strictJsonReading() {
        return new StrictJsonReading();
    }

}
