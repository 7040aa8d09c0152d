package io.sagashop.inventory.product;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

import io.sagashop.inventory.TestProducts;
import io.sagashop.problem.ProblemTypes;
import io.sagashop.testsupport.security.TestIssuer;
import io.sagashop.testsupport.service.ServiceApplicationTest;

@ServiceApplicationTest
class ProductApiTest {

    private static final ParameterizedTypeReference<List<Map<String, Object>>> PRODUCT_LIST = new ParameterizedTypeReference<>() {
    };

    private final RestTestClient client;

    private final TestProducts products;

    /** The catalog is read for a shopper, through the gateway. */
    @Autowired
    ProductApiTest(RestTestClient client, JdbcClient jdbc) {
        this.client = client.mutate()
            .defaultHeader(HttpHeaders.AUTHORIZATION, TestIssuer.bearer(TestIssuer.shared().shopper(UUID.randomUUID())))
            .build();
        this.products = new TestProducts(jdbc);
    }

    @Test
    void listsTheSeededCatalogSortedBySku() {
        List<Map<String, Object>> all = client.get()
            .uri("/api/products")
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(PRODUCT_LIST)
            .returnResult()
            .getResponseBody();

        assertThat(all).extracting(product -> (String) product.get("sku"))
            .isSortedAccordingTo(Comparator.naturalOrder());
        // Other tests add TEST- products to the same database; the seed is everything
        // else.
        List<Map<String, Object>> seeded = all.stream()
            .filter(product -> !((String) product.get("sku")).startsWith("TEST-"))
            .toList();
        assertThat(seeded).hasSize(20);
        assertThat(seeded).allSatisfy(product -> {
            assertThat(product).containsKeys("sku", "name", "description", "priceCents", "currency", "stock");
            assertThat(product.get("currency")).isEqualTo("EUR");
            assertThat(((Number) product.get("priceCents")).longValue()).isPositive();
        });
        assertThat(seeded).filteredOn(product -> product.get("sku").equals("COF-ESPRESSO-250"))
            .singleElement()
            .satisfies(espresso -> {
                assertThat(espresso.get("name")).isEqualTo("Espresso Roast, 250 g");
                assertThat(espresso.get("priceCents")).isEqualTo(990);
            });
        assertThat(seeded).filteredOn(product -> product.get("sku").equals("HIKE-LANTERN-LED"))
            .singleElement()
            .satisfies(nearlySoldOut -> assertThat(nearlySoldOut.get("stock")).isEqualTo(3));
        assertThat(seeded).filteredOn(product -> product.get("sku").equals("CAMP-STOVE-TITAN"))
            .singleElement()
            .satisfies(soldOut -> assertThat(soldOut.get("stock")).isEqualTo(0));
    }

    @Test
    void returnsOneProductWithPriceAndStock() {
        String sku = products.create("ONE", 7);

        client.get()
            .uri("/api/products/{sku}", sku)
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody()
            .jsonPath("$.sku")
            .isEqualTo(sku)
            .jsonPath("$.name")
            .isEqualTo("Test product ONE")
            .jsonPath("$.description")
            .isEqualTo("A product made for one test")
            .jsonPath("$.priceCents")
            .isEqualTo(TestProducts.PRICE_CENTS)
            .jsonPath("$.currency")
            .isEqualTo("EUR")
            .jsonPath("$.stock")
            .isEqualTo(7);
    }

    @Test
    void unknownProductIsNotFound() {
        client.get()
            .uri("/api/products/NO-SUCH-PRODUCT")
            .exchange()
            .expectStatus()
            .isNotFound()
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody()
            .jsonPath("$.type")
            .isEqualTo(ProblemTypes.of("product-not-found").toString())
            .jsonPath("$.id")
            .isEqualTo("NO-SUCH-PRODUCT");
    }

    @Test
    void malformedSkuIsRejectedNamingTheSku() {
        client.get()
            .uri("/api/products/cof_espresso")
            .exchange()
            .expectStatus()
            .isBadRequest()
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody()
            .jsonPath("$.type")
            .isEqualTo(ProblemTypes.of("invalid-request").toString())
            .jsonPath("$.errors[0].field")
            .isEqualTo("sku");
    }

}
