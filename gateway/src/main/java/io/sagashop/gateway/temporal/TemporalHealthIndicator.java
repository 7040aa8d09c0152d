package io.sagashop.gateway.temporal;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.stereotype.Component;

import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.temporal.serviceclient.WorkflowServiceStubs;
import reactor.core.publisher.Mono;

/**
 * Whether the Temporal server answers its gRPC health check; the gateway takes no orders
 * without it.
 */
@Component
class TemporalHealthIndicator implements ReactiveHealthIndicator {

    private final WorkflowServiceStubs stubs;

    private final TemporalCalls calls;

    private final TemporalProperties temporal;

    TemporalHealthIndicator(WorkflowServiceStubs stubs, TemporalCalls calls, TemporalProperties temporal) {
        this.stubs = stubs;
        this.calls = calls;
        this.temporal = temporal;
    }

    @Override
    public Mono<Health> health() {
        return calls.call("check its health", stubs::healthCheck)
            .map(response -> (response.getStatus() == ServingStatus.SERVING ? Health.up() : Health.down())
                .withDetail("status", response.getStatus().name()))
            .onErrorResume(ex -> Mono.just(Health.down().withDetail("error", ex.getMessage())))
            .map(health -> health.withDetail("address", temporal.address())
                .withDetail("namespace", temporal.namespace())
                .build());
    }

}
