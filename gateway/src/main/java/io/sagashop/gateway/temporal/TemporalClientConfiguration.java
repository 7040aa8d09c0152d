package io.sagashop.gateway.temporal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.uber.m3.tally.RootScopeBuilder;
import com.uber.m3.tally.Scope;
import io.micrometer.core.instrument.MeterRegistry;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.common.reporter.MicrometerClientStatsReporter;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;

/**
 * A Temporal client and nothing more: the gateway starts, queries and updates order runs,
 * the worker executes them. The stubs connect lazily, so the gateway starts (and serves
 * its routes) while Temporal is still coming up.
 */
@Configuration(proxyBeanMethods = false)
class TemporalClientConfiguration {

    /**
     * The SDK's client metrics (request counts, latencies, failures) published through
     * Micrometer.
     */
    @Bean(destroyMethod = "close")
    Scope temporalMetricsScope(MeterRegistry registry) {
        return new RootScopeBuilder().reporter(new MicrometerClientStatsReporter(registry))
            .reportEvery(com.uber.m3.util.Duration.ofSeconds(10));
    }

    @Bean(destroyMethod = "shutdown")
    WorkflowServiceStubs workflowServiceStubs(TemporalProperties temporal, Scope temporalMetricsScope) {
        return WorkflowServiceStubs.newServiceStubs(WorkflowServiceStubsOptions.newBuilder()
            .setTarget(temporal.address())
            .setMetricsScope(temporalMetricsScope)
            .build());
    }

    @Bean
    WorkflowClient workflowClient(WorkflowServiceStubs workflowServiceStubs, TemporalProperties temporal) {
        return WorkflowClient.newInstance(workflowServiceStubs,
                WorkflowClientOptions.newBuilder().setNamespace(temporal.namespace()).build());
    }

}
