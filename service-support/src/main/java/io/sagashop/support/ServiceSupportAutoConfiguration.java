package io.sagashop.support;

import java.time.Clock;
import java.time.Duration;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.http.converter.HttpMessageConverters;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import io.sagashop.problem.RequestLimitsProperties;
import io.sagashop.problem.json.StrictJsonReading;
import io.sagashop.support.currency.ShopCurrencies;
import io.sagashop.support.http.RequestBodyLimitFilter;
import io.sagashop.support.http.TomcatProblemCustomizer;
import io.sagashop.support.http.UnreadableParametersFilter;
import io.sagashop.support.web.ProblemDetailAdvice;

/**
 * Gives every service the same error contract, way of reading JSON, list of currencies
 * and request limits. Runs before Spring MVC's configuration so that our
 * {@link ProblemDetailAdvice} replaces Boot's default problem handler.
 */
@AutoConfiguration(before = WebMvcAutoConfiguration.class)
@ConditionalOnWebApplication(type = Type.SERVLET)
@EnableConfigurationProperties({ RequestLimitsProperties.class, ShopCurrencies.class })
public class ServiceSupportAutoConfiguration {

    @Bean
    ProblemDetailAdvice problemDetailAdvice() {
        return new ProblemDetailAdvice();
    }

    /**
     * Ticks in microseconds, the precision PostgreSQL keeps: a replayed response, read
     * back from the database, then carries exactly the timestamps of the first one.
     */
    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));
    }

    /**
     * JSON only: Spring MVC would also read and write application/yaml whenever Jackson's
     * YAML module is present, as springdoc brings it, and a YAML body would pass none of
     * the strict reading.
     */
    @Bean
    WebMvcConfigurer jsonBodiesOnly() {
        return new WebMvcConfigurer() {
            @Override
            public void configureMessageConverters(HttpMessageConverters.ServerBuilder converters) {
                converters
                    .configureMessageConvertersList(all -> all.removeIf(converter -> converter.getSupportedMediaTypes()
                        .stream()
                        .anyMatch(type -> type.getSubtype().equals("yaml") || type.getSubtype().endsWith("+yaml"))));
            }
        };
    }

    /** The gateway reads bodies the same way: no API accepts what another refuses. */
    @Bean
    JsonMapperBuilderCustomizer strictJsonReading() {
        return new StrictJsonReading();
    }

    /**
     * What Tomcat refuses before any servlet runs answers a problem too, not Tomcat's
     * HTML page.
     */
    @Bean
    TomcatProblemCustomizer tomcatProblemCustomizer() {
        return new TomcatProblemCustomizer();
    }

    @Bean
    FilterRegistrationBean<RequestBodyLimitFilter> requestBodyLimitFilter(RequestLimitsProperties limits) {
        var registration = new FilterRegistrationBean<>(new RequestBodyLimitFilter(limits.maxRequestBody().toBytes()));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    /** Right after the body limit, before the security filters read any parameter. */
    @Bean
    FilterRegistrationBean<UnreadableParametersFilter> unreadableParametersFilter() {
        var registration = new FilterRegistrationBean<>(new UnreadableParametersFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
        return registration;
    }

}
