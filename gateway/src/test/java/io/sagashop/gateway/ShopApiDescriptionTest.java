package io.sagashop.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The shop's typed API client is generated from a copy of this gateway's API description
 * kept in the frontend ({@code frontend/src/api/gateway-openapi.json}); this test fails
 * when the two have drifted apart. To take the gateway's side, run it with
 * {@code -Dsagashop.openapi.update=true}, then {@code npm run api:generate} in
 * {@code frontend/}.
 */
class ShopApiDescriptionTest extends GatewayTest {

    private static final Path SHOP_COPY = Path.of("..", "frontend", "src", "api", "gateway-openapi.json");

    private static final JsonMapper json = JsonMapper.builder()
        .enable(SerializationFeature.INDENT_OUTPUT)
        .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
        .build();

    @Test
    void theShopsCopyOfTheApiDescriptionIsTheGatewaysOwn() throws IOException {
        String description = client.get()
            .uri("/v3/api-docs")
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(String.class)
            .returnResult()
            .getResponseBody();
        @SuppressWarnings("unchecked")
        Map<String, Object> document = json.readValue(description, Map.class);
        // The server's URL is the test's random port; the shop calls its own origin.
        document.remove("servers");
        String canonical = json.writeValueAsString(document) + "\n";
        if (Boolean.getBoolean("sagashop.openapi.update")) {
            Files.writeString(SHOP_COPY, canonical);
        }
        assertThat(SHOP_COPY)
            .as("the shop's copy of the gateway's API description, " + SHOP_COPY.toAbsolutePath()
                    + " (run this test with -Dsagashop.openapi.update=true to update it)")
            .exists();
        assertThat(Files.readString(SHOP_COPY))
            .as("the shop's copy of the gateway's API description (run this test with -Dsagashop.openapi.update=true to update it, then npm run api:generate)")
            .isEqualTo(canonical);
    }

}
