package io.sagashop.inventory.product;

import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.sagashop.problem.validation.Sku;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

// Spring MVC's built-in method validation checks the constrained path variable and header (400 naming them);
// a class-level @Validated proxy would only validate them a second time.
@RestController
@RequestMapping("/api/products")
@Tag(name = "Products", description = "The catalog with prices and stock on hand")
class ProductController {

    private final ProductService products;

    ProductController(ProductService products) {
        this.products = products;
    }

    @GetMapping
    @Operation(summary = "List all products, sorted by SKU")
    List<ProductResponse> list() {
        return products.findAll();
    }

    @GetMapping("/{sku}")
    @Operation(summary = "Get one product")
    @ApiResponse(responseCode = "200", description = "The product")
    @ApiResponse(responseCode = "404", description = "No product has this SKU (product-not-found)")
    ProductResponse get(@PathVariable @Sku String sku) {
        return products.find(sku);
    }

    @PostMapping("/{sku}/restocks")
    @Operation(summary = "Add delivered units to a product's stock (operator; idempotent on Idempotency-Key)")
    @ApiResponse(responseCode = "201", description = "Restocked")
    @ApiResponse(responseCode = "200", description = "A repeat of the first request with this key: its restock")
    @ApiResponse(responseCode = "404", description = "No product has this SKU (product-not-found)")
    @ApiResponse(responseCode = "409",
            description = "The key restocked another product or quantity (idempotency-conflict)")
    @ApiResponse(responseCode = "422", description = "The stock would exceed its limit (stock-limit-exceeded)")
    ResponseEntity<RestockResponse> restock(@PathVariable @Sku String sku,
            @RequestHeader("Idempotency-Key") @NotBlank @Size(max = 100) String idempotencyKey,
            @Valid @RequestBody RestockRequest request) {
        // A restock has no address of its own to read it back from: no Location.
        return products.restock(idempotencyKey, sku, request.quantity()).toResponse();
    }

}
