package io.sagashop.payment.processor;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

/**
 * Lets an operator make the simulated processor fail or slow down during a demo. The
 * gateway does not route to it: it is meant for the internal network only (restricting it
 * to the operator role comes with authentication).
 */
@RestController
@RequestMapping("/api/operator/processor-faults")
@Tag(name = "Processor faults", description = "Operator fault injection into the simulated card processor")
class ProcessorFaultsController {

    private static final Logger log = LoggerFactory.getLogger(ProcessorFaultsController.class);

    private final ProcessorFaults faults;

    ProcessorFaultsController(ProcessorFaults faults) {
        this.faults = faults;
    }

    @GetMapping
    @Operation(summary = "Show the faults currently injected into the processor (operator)")
    InjectedFaults current() {
        return faults.current();
    }

    @PutMapping
    @Operation(summary = "Make the next charges fail with 503 and/or delay every processor call (operator)")
    InjectedFaults replace(@Valid @RequestBody ProcessorFaultsRequest request) {
        InjectedFaults replaced = faults.replace(request.toFaults());
        log.info("Processor faults set: fail next {} calls, {} ms latency", replaced.failNextCalls(),
                replaced.latencyMillis());
        return replaced;
    }

    @DeleteMapping
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Clear all injected faults (operator)")
    void clear() {
        faults.clear();
        log.info("Processor faults cleared");
    }

}
