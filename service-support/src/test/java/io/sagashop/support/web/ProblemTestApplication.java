package io.sagashop.support.web;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import io.sagashop.problem.InvalidRequestException;
import io.sagashop.problem.ProblemException;
import io.sagashop.problem.validation.DistinctSkus;
import io.sagashop.problem.validation.Sku;
import io.sagashop.problem.validation.Reason;
import io.sagashop.support.security.Authorities;
import io.sagashop.support.security.EndpointAccess;
import io.sagashop.testsupport.security.TestIssuer;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A minimal service exercising the shared error contract. */
@SpringBootApplication
class ProblemTestApplication {

    /** The worker's Authorization header, for a whole test run. */
    static final String WORKER = TestIssuer
        .bearer(TestIssuer.shared().workerToken().lifetime(Duration.ofHours(1)).signed());

    /**
     * Every path is the worker's, unknown ones included, so that the error contract is
     * seen past the token check.
     */
    @Bean
    EndpointAccess everyPathForTheWorker() {
        return endpoints -> endpoints.requestMatchers("/**").hasAuthority(Authorities.SAGA);
    }

    record Line(@NotNull @Sku String sku, @NotNull @Min(1) @Max(100) Integer quantity) implements DistinctSkus.Line {
    }

    enum Colour {

        RED, GREEN

    }

    record Basket(@NotEmpty @DistinctSkus List<@Valid Line> lines, Colour colour) {
    }

    record Cancellation(@Reason String reason) {
    }

    static class OutOfStockException extends ProblemException {

        OutOfStockException(String sku) {
            super(HttpStatus.UNPROCESSABLE_CONTENT, "out-of-stock", "No stock left for " + sku, Map.of("sku", sku));
        }

        @Override
        public HttpHeaders headers() {
            HttpHeaders headers = new HttpHeaders();
            headers.set(HttpHeaders.RETRY_AFTER, "3600");
            return headers;
        }

    }

    @RestController
    static class BasketController {

        @PostMapping("/baskets")
        Basket create(@Valid @RequestBody Basket basket) {
            return basket;
        }

        @PostMapping("/baskets/{id}/cancel")
        Cancellation cancel(@PathVariable String id, @Valid @RequestBody Cancellation cancellation) {
            return cancellation;
        }

        @GetMapping("/baskets/latest")
        Basket latest() {
            return new Basket(List.of(new Line("COF-1", 1)), Colour.RED);
        }

        @PostMapping("/keyed-baskets")
        Basket createKeyed(@RequestHeader("Idempotency-Key") @Size(max = 10) String key,
                @Valid @RequestBody Basket basket) {
            return basket;
        }

        @PostMapping("/baskets/{sku}/out-of-stock")
        void outOfStock(@PathVariable String sku) {
            throw new OutOfStockException(sku);
        }

        @PostMapping("/baskets/{sku}/out-of-stock/{count}")
        void outOfStockTimes(@PathVariable String sku, @PathVariable int count) {
            throw new OutOfStockException(sku);
        }

        @PostMapping("/baskets/rule")
        void rule() {
            throw new InvalidRequestException("colour", "must be given with at least two lines");
        }

        @PostMapping("/baskets/constraint")
        void constraint() {
            throw new DataIntegrityViolationException("duplicate key");
        }

    }

    /**
     * Validated through a proxy, the way older code does it: still a 400 naming the
     * parameter.
     */
    @RestController
    @Validated
    static class ProxiedController {

        @PostMapping("/proxied/{count}")
        void proxied(@PathVariable @Min(1) int count) {
        }

    }

}
