package io.sagashop.worker;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Polls Temporal for order workflows and their activities. The Temporal Spring Boot
 * starter registers {@code @WorkflowImpl} classes and {@code @ActivityImpl} beans found
 * under this package on their task queue.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class OrderWorkflowWorkerApplication {

    public static void main(String[] args) {
        SpringApplication.run(OrderWorkflowWorkerApplication.class, args);
    }

}
