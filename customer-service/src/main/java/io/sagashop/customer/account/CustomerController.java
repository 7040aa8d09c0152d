package io.sagashop.customer.account;

import java.util.List;
import java.util.UUID;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.sagashop.support.idempotency.Written;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

// No class-level @Validated: Spring MVC validates the constrained header itself and reports it like a body
// field, whereas a @Validated proxy would throw ConstraintViolationException past the problem handler.
@RestController
@RequestMapping("/api/customers")
@Tag(name = "Customers", description = "Customers, their status and credit limit, and order checks")
class CustomerController {

    private final CustomerService customers;

    CustomerController(CustomerService customers) {
        this.customers = customers;
    }

    @GetMapping
    @Operation(summary = "List all customers, sorted by name (operator)")
    List<CustomerResponse> list() {
        return customers.list();
    }

    @GetMapping("/{customerId}")
    @Operation(summary = "Read one customer (the saga or an operator)")
    @ApiResponse(responseCode = "200", description = "The customer")
    @ApiResponse(responseCode = "404", description = "No customer has this id (customer-not-found)")
    CustomerResponse get(@PathVariable UUID customerId) {
        return customers.get(customerId);
    }

    @PostMapping
    @Operation(summary = "Register an active customer; repeating the request with the same Idempotency-Key "
            + "returns the first result (operator)")
    @ApiResponse(responseCode = "201", description = "Registered; Location names the customer")
    @ApiResponse(responseCode = "200", description = "A repeat of the first request with this key: its customer")
    @ApiResponse(responseCode = "409",
            description = "The key registered other values (idempotency-conflict), or another customer has the email (email-taken)")
    ResponseEntity<CustomerResponse> register(
            @RequestHeader("Idempotency-Key") @NotBlank @Size(max = 100) String idempotencyKey,
            @Valid @RequestBody CreateCustomerRequest request) {
        Written<CustomerResponse> registered = customers.register(idempotencyKey, request);
        return registered.toResponse("/api/customers/{customerId}", registered.value().customerId());
    }

    @PostMapping("/{customerId}/order-checks")
    @Operation(summary = "Check that the customer may place an order of this amount; changes nothing (the saga)")
    @ApiResponse(responseCode = "200", description = "The customer may place the order")
    @ApiResponse(responseCode = "422",
            description = "The order is declined: unknown-customer, customer-blocked, credit-limit-exceeded, or currency-not-supported "
                    + "for an amount in another currency than the credit limits")
    OrderCheckResponse checkOrder(@PathVariable UUID customerId, @Valid @RequestBody OrderCheckRequest request) {
        return customers.checkOrder(customerId, request);
    }

}
